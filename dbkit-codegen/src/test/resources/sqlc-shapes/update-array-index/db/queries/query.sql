-- name: SetFirstTag :exec
UPDATE memories SET tags[1] = $1 WHERE id = $2;
