-- name: ListenTest :exec
LISTEN test;
