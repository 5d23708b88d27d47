-- name: AdvisoryLockExec :exec
SELECT pg_advisory_xact_lock($1);

-- name: AdvisoryTryLock :one
SELECT pg_try_advisory_xact_lock($1);
