-- name: GetNextID :one
SELECT nextval('ids');

-- name: GetNextIDRegclass :one
SELECT nextval('ids'::regclass) AS next_id;
