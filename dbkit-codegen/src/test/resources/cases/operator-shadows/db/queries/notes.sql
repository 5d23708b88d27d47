-- Innocent queries on a schema with an operator that shadows text = text for varchar parameters.

-- name: ListNotes :many
SELECT id, body FROM notes WHERE tenant_id = $1 ORDER BY id;

-- name: FindNotes :many
SELECT id, body FROM notes WHERE tenant_id = $1 AND body = $2;

-- name: DeleteNote :execrows
DELETE FROM notes WHERE tenant_id = $1 AND id = $2;
