-- name: TopPlayer :one
WITH totals AS (
    SELECT player, sum(points) AS total FROM scores GROUP BY player
)
SELECT player, total FROM totals ORDER BY total DESC LIMIT 1;
