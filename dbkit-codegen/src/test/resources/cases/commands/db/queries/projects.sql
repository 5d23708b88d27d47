-- name: GetProject :one
SELECT * FROM projects WHERE tenant_id = $1 AND id = $2;

-- name: ListProjects :many
SELECT * FROM projects WHERE tenant_id = $1 ORDER BY name;

-- name: ArchiveProject :exec
UPDATE projects SET status = 'archived' WHERE tenant_id = $1 AND id = $2;

-- name: DeleteDoneTasks :execrows
DELETE FROM tasks WHERE tenant_id = $1 AND done;

-- name: RenameProjects :execresult
-- sqlc's :execresult: the rows affected.
UPDATE projects SET name = $2 WHERE tenant_id = $1 AND name = $3;

-- name: CreateProject :execlastid
-- sqlc's :execlastid: PostgreSQL returns the id itself.
INSERT INTO projects (tenant_id, name) VALUES ($1, $2) RETURNING id;
