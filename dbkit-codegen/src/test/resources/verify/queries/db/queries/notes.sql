-- name: AllNotes :many
SELECT id, body FROM notes WHERE deleted_at IS NULL;

-- name: Broken :one
SELECT bdy FROM notes WHERE tenant_id = $1 AND deleted_at IS NULL;

-- name: GetNote :one
SELECT id, body FROM notes WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL;
