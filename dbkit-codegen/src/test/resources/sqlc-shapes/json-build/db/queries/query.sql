-- name: BuildObject :one
SELECT json_build_object('id', id, 'name', name) AS obj FROM users WHERE id = $1;

-- name: BuildArray :one
SELECT jsonb_build_array($1::text, $2::integer) AS arr;

-- name: AggregateUsers :one
SELECT json_agg(u) AS everything FROM users u;

-- name: TagsAsJsonb :many
SELECT to_jsonb(tags) AS tags FROM users;
