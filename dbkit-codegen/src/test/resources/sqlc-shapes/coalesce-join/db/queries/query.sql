-- name: ParentsWithChildName :many
SELECT parents.id, coalesce(children.name, 'none') AS child_name
FROM parents LEFT JOIN children ON children.parent_id = parents.id;
