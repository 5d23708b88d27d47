-- name: FullJoin :many
SELECT l.id AS left_id, l.l, r.id AS right_id, r.r
FROM left_side l
FULL OUTER JOIN right_side r ON r.id = l.id
WHERE coalesce(l.id, r.id) > $1;
