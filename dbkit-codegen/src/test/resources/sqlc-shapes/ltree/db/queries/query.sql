-- name: ListFoo :many
SELECT * FROM foo;

-- name: Descendants :many
SELECT qualified_name FROM foo WHERE qualified_name <@ $1::ltree;
