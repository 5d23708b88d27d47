-- name: SchemaScopedList :many
SELECT id FROM foo.bar;

-- name: SchemaScopedFilter :many
SELECT * FROM foo.bar WHERE id = $1;

-- name: SchemaScopedCreate :one
INSERT INTO foo.bar (id, name) VALUES ($1, $2) RETURNING id;

-- name: SchemaScopedUpdate :exec
UPDATE foo.bar SET name = $1 WHERE id = $2;

-- name: SchemaScopedDelete :exec
DELETE FROM foo.bar WHERE id = $1;
