-- name: ColumnAs :many
SELECT email AS login, 1 AS one, upper(display) AS "Shout", id "identifier" FROM accounts;
