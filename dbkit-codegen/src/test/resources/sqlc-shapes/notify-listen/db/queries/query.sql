-- name: NotifyTest :exec
NOTIFY test;

-- name: NotifyWithMessage :exec
NOTIFY test, 'msg';

-- name: PgNotify :exec
SELECT pg_notify('test', $1);
