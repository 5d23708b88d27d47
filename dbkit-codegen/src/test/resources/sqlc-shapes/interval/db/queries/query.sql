-- name: Get :many
SELECT bar, interval FROM foo LIMIT $1;

-- name: Longer :many
SELECT interval + $1::interval AS longer FROM foo;
