-- name: ParamInSelect :many
SELECT first_name, $1::integer + age AS age_later FROM users;

-- name: ParamInList :many
SELECT first_name FROM users WHERE age IN ($1, $2, $3);

-- name: ParamsInInsert :exec
INSERT INTO users (id, first_name, last_name, age) VALUES ($1, $2, $3, $4);

-- name: ParamsInUpdate :exec
UPDATE users SET first_name = $1, age = age + $2 WHERE id = $3;
