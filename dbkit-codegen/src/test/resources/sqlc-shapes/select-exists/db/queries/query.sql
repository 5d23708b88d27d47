-- name: EmailExists :one
SELECT EXISTS (SELECT 1 FROM emails WHERE address = $1);

-- name: EmailFree :one
SELECT NOT EXISTS (SELECT 1 FROM emails WHERE address = $1) AS free;
