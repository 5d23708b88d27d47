-- name: ListDocuments :many
SELECT id, title FROM documents WHERE tenant_id = $1 ORDER BY title;

-- name: ListLiveDocuments :many
SELECT id, title FROM documents WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY title;
