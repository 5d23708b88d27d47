-- name: GetProject :one
SELECT * FROM projects WHERE tenant_id = $1 AND id = $2;

-- name: ProjectsByIds :many
SELECT id, name FROM projects WHERE tenant_id = $1 AND id = ANY($2::uuid[]);

-- name: ProjectsWithStatus :many
SELECT id, status, tags FROM projects WHERE tenant_id = $1 AND status = $2;

-- name: SetProjectDetails :exec
UPDATE projects
SET budget = $3, tags = $4, score = $5, archived = $6, logo = $7, settings = $8
WHERE tenant_id = $1 AND id = $2;

-- name: ProjectStatuses :many
SELECT DISTINCT status FROM projects WHERE tenant_id = $1 AND status = ANY($2::project_status[]);
