-- name: InsertUserAndReturnID :one
INSERT INTO users (name) VALUES ($1) RETURNING id;

-- name: InsertUserAndReturnUser :one
INSERT INTO users (name) VALUES ($1) RETURNING *;

-- name: UpdateUserAndReturnName :one
UPDATE users SET name = $1 WHERE id = $2 RETURNING name, upper(name) AS shout;

-- name: DeleteUserAndReturnUsers :many
DELETE FROM users WHERE name = $1 RETURNING *;
