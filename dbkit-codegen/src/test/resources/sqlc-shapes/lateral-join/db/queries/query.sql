-- name: LatestEntryPerBlog :many
SELECT b.id, b.name, latest.id AS entry_id, latest.published
FROM blogs b
LEFT JOIN LATERAL (
    SELECT e.id, e.published FROM entries e WHERE e.blog_id = b.id ORDER BY e.published DESC LIMIT $1
) latest ON true;

-- name: CrossLateral :many
SELECT b.name, x.n FROM blogs b CROSS JOIN LATERAL (SELECT count(*) AS n FROM entries e WHERE e.blog_id = b.id) x;
