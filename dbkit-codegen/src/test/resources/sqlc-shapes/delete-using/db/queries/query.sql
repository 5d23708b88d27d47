-- name: DeleteBannedSessions :execrows
DELETE FROM sessions s USING banned b WHERE b.user_name = s.user_name;
