-- name: TotalOfThree :one
SELECT total_of($1, $2, $3);

-- name: TotalOfArray :one
SELECT total_of(VARIADIC $1::integer[]);
