-- name: SelectUnion :many
SELECT a, b FROM foo UNION SELECT a, b FROM bar;

-- name: SelectUnionAll :many
SELECT * FROM foo UNION ALL SELECT * FROM bar;

-- name: SelectIntersect :many
SELECT a FROM foo INTERSECT SELECT a FROM bar;

-- name: SelectExcept :many
SELECT a FROM foo WHERE b = $1 EXCEPT SELECT a FROM bar;
