-- name: ListAuthorsNames :many
SELECT * FROM authors_names;

-- name: RefreshNames :exec
REFRESH MATERIALIZED VIEW authors_names;
