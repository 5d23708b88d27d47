-- name: DistinctUsers :many
SELECT DISTINCT user_name FROM logins;

-- name: LastLoginPerUser :many
SELECT DISTINCT ON (user_name) user_name, at FROM logins ORDER BY user_name, at DESC;
