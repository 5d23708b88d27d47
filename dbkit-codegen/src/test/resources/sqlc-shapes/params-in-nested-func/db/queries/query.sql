-- name: RouteByPrefix :many
SELECT id FROM routes WHERE lower(path) LIKE concat(lower($1::text), '%');
