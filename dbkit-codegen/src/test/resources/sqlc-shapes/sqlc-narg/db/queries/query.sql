-- name: IdentOnNonNullable :many
SELECT id FROM authors WHERE name = sqlc.narg(name);

-- name: OptionalFilter :many
SELECT id FROM authors WHERE sqlc.narg(name)::text IS NULL OR name = sqlc.narg(name);

-- name: PartialUpdate :exec
UPDATE authors SET name = coalesce(sqlc.narg('name'), name), bio = coalesce(sqlc.narg('bio'), bio) WHERE id = sqlc.arg('id');
