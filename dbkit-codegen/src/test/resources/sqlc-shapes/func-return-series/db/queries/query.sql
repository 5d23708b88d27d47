-- name: EvensFrom :many
SELECT * FROM evens($1);

-- name: EvensInSelect :many
SELECT evens($1) AS value;
