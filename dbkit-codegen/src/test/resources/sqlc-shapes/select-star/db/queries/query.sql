-- name: GetAll :many
SELECT * FROM users;

-- name: GetAllAliased :many
SELECT u.* FROM users u;

-- name: GetUser :one
SELECT * FROM users WHERE id = $1;
