-- name: AliasSelect :many
SELECT b.id, b.name FROM bar AS b WHERE b.id > $1;

-- name: AliasDelete :exec
DELETE FROM bar b WHERE b.id = $1;
