-- name: ItemsWithPosition :many
SELECT a.id, o.item, o.position
FROM arrays a, unnest(a.items) WITH ORDINALITY AS o(item, position)
WHERE a.id = $1;
