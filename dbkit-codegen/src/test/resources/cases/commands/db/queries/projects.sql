-- name: GetProject :one
SELECT * FROM projects WHERE tenant_id = $1 AND id = $2;

-- name: ListProjects :many
SELECT * FROM projects WHERE tenant_id = $1 ORDER BY name;

-- name: ArchiveProject :exec
UPDATE projects SET status = 'archived' WHERE tenant_id = $1 AND id = $2;

-- name: DeleteDoneTasks :execrows
DELETE FROM tasks WHERE tenant_id = $1 AND done;

-- name: RenameProjects :execresult
-- sqlc's :execresult: the rows affected.
UPDATE projects SET name = $2 WHERE tenant_id = $1 AND name = $3;

-- name: CreateProject :execlastid
-- sqlc's :execlastid: PostgreSQL returns the id itself.
INSERT INTO projects (tenant_id, name) VALUES ($1, $2) RETURNING id;

-- name: TasksByIds :many
-- sqlc.slice: a list, sent as one array parameter (id = ANY($2)); an empty list matches nothing.
SELECT id FROM tasks WHERE tenant_id = @tenant_id AND id IN (sqlc.slice('ids')) ORDER BY title;

-- name: TasksNotIn :many
SELECT id FROM tasks WHERE tenant_id = @tenant_id AND id NOT IN ( sqlc.slice(ids) ) ORDER BY title;

-- name: LockProjectWork :exec
-- dbkit:side-effects
-- A statement whose one column is void (sqlc's idiom for a transaction lock): run, its row discarded.
SELECT pg_advisory_xact_lock(hashtext($1));

-- name: MasksActiveAt :many
-- Types without a Java type of their own (bit strings, ranges) are read and bound in PostgreSQL's text form.
SELECT id, flags, active FROM feature_masks WHERE flags = $1 AND active @> $2::timestamptz ORDER BY id;

-- name: AllTaskTitles :many
-- dbkit:stream
-- A result that may not fit in memory: streamAllTaskTitles reads it through a cursor as the stream is consumed.
SELECT title FROM tasks WHERE tenant_id = $1 AND title > $2 ORDER BY title;
