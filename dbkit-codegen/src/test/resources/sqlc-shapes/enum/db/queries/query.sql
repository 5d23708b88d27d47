-- name: ListByStatus :many
SELECT id, status, prior FROM tasks WHERE status = $1;

-- name: InsertTask :one
INSERT INTO tasks (status) VALUES ($1) RETURNING *;

-- name: StatusLiteral :many
SELECT id FROM tasks WHERE status = 'open';
