-- name: Ancestors :many
WITH RECURSIVE up (id, parent_id, name, depth) AS (
    SELECT id, parent_id, name, 0 FROM folders WHERE id = $1
    UNION ALL
    SELECT f.id, f.parent_id, f.name, up.depth + 1 FROM folders f JOIN up ON f.id = up.parent_id
)
SELECT id, name, depth FROM up ORDER BY depth;
