-- name: UserByIdOrAll :many
SELECT first_name FROM users WHERE (sqlc.arg(id) = id OR sqlc.arg(id) = 0);

-- name: UserByEitherName :many
SELECT first_name FROM users WHERE first_name = sqlc.arg(name) OR last_name = sqlc.arg(name);

-- name: UserByIdOrAllPositional :many
SELECT first_name FROM users WHERE ($1 = id OR $1 = 0);
