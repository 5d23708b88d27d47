-- name: Subtree :many
WITH RECURSIVE tree AS (
    SELECT * FROM categories WHERE categories.id = $1
    UNION ALL
    SELECT c.* FROM categories c JOIN tree ON c.parent_id = tree.id
)
SELECT * FROM tree;
