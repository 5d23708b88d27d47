-- name: GetFoo :one
SELECT id, other FROM foo WHERE id = $1;

-- name: CreateFoo :one
INSERT INTO foo (other) VALUES ($1) RETURNING id;
