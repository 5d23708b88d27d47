-- name: GetProject :one
SELECT * FROM projects WHERE tenant_id = $1 AND id = $2;

-- name: ListProjects :many
SELECT * FROM projects WHERE tenant_id = $1 ORDER BY name;

-- name: ArchiveProject :exec
UPDATE projects SET status = 'archived' WHERE tenant_id = $1 AND id = $2;

-- name: DeleteDoneTasks :execrows
DELETE FROM tasks WHERE tenant_id = $1 AND done;
