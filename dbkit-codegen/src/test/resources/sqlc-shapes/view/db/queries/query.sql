-- name: FirstView :many
SELECT * FROM first_view;

-- name: SecondView :many
SELECT val, shout FROM second_view WHERE val = $1;
