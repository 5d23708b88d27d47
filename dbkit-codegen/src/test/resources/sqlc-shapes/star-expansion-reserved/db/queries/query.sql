-- name: ListGroups :many
SELECT * FROM "group";

-- name: GroupsBySelect :many
SELECT "from", "order" FROM "group" WHERE "select" = $1;
