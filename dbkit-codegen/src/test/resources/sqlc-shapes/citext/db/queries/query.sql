-- name: GetCitexts :many
SELECT bar, bat FROM foo;

-- name: FindBat :many
SELECT bat FROM foo WHERE bat = $1;
