-- name: NodesWithChildren :many
SELECT * FROM nodes
WHERE EXISTS (SELECT * FROM nodes AS child WHERE child.parent_id = nodes.id);

-- name: NodesFromDerived :many
SELECT * FROM (SELECT * FROM nodes WHERE label <> '') AS sub;
