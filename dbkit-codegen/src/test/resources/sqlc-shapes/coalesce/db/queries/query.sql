-- name: CoalesceText :many
SELECT coalesce(nick, '') AS login FROM profiles;

-- name: CoalesceInt :many
SELECT coalesce(score, 0) AS score FROM profiles;

-- name: CoalesceNullable :many
SELECT coalesce(nick, nick) AS maybe FROM profiles;
