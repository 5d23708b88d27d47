-- name: ForumsWithThreadCounts :many
SELECT f.id, f.title, (SELECT count(*) FROM threads t WHERE t.forum_id = f.id) AS thread_count
FROM forums f;
