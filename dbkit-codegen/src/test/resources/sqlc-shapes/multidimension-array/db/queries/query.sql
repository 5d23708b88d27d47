-- name: ListGrids :many
SELECT id, cells FROM grids;

-- name: CellAt :one
SELECT cells[$1][$2] AS cell FROM grids WHERE id = $3;
