SELECT 1;

-- name: Broken :one
SELEC * FROM projects;

-- name: UnknownColumn :many
SELECT nope FROM projects WHERE tenant_id = $1;

-- name: UnknownTable :many
SELECT * FROM nowhere;

-- name: UnknownFunction :one
SELECT no_such_function(1) AS x;

-- name: NoCommand
SELECT 1;

-- name: Weird :first
SELECT 1;

-- name: NoRows :one
UPDATE projects SET priority = 1 WHERE tenant_id = $1;

-- name: Untyped :many
SELECT id FROM tasks WHERE tenant_id = $1 AND $2 IS NULL;

-- name: UnknownColumn :many
SELECT 1 AS one;

-- name: TwoStatements :exec
DELETE FROM tasks WHERE tenant_id = $1;
DELETE FROM projects WHERE tenant_id = $1;

-- name: ExecReturnsRows :exec
-- accepted: :exec runs the statement and discards its rows, as sqlc's does
DELETE FROM tasks WHERE tenant_id = $1 RETURNING id;

-- name: ExecRowsSelects :execrows
SELECT id FROM tasks WHERE tenant_id = $1;

-- name: WholeTableUnmapped :many
SELECT * FROM feature_masks;

-- name: CallsAProcedure :exec
-- A procedure body is a platform operation: refused without -- dbkit:cross-tenant.
CALL do_something();

-- name: Truncates :exec
TRUNCATE tasks;

-- name: LastIdOfTwoColumns :execlastid
INSERT INTO projects (tenant_id, name) VALUES ($1, $2) RETURNING id, name;

-- name: CopyWithExpression :copyfrom
INSERT INTO tasks (tenant_id, title) VALUES ($1, upper($2));

-- name: CopyWithConflict :copyfrom
-- dbkit:cross-tenant
INSERT INTO countries (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING;

-- name: CopyOfLists :copyfrom
INSERT INTO projects (tenant_id, name, tags) VALUES ($1, $2, $3);

-- name: CopyIntoAnotherTenant :copyfrom
INSERT INTO tasks (tenant_id, title) VALUES ($1::uuid, $2);

-- name: BatchWithoutParameters :batchexec
DELETE FROM tasks WHERE tenant_id = $1 AND done;

-- name: BatchExecReturnsRows :batchexec
DELETE FROM tasks WHERE tenant_id = $1 AND id = $2 RETURNING id;

-- name: EmbedInSubquery :many
SELECT * FROM (SELECT sqlc.embed(tasks) FROM tasks WHERE tenant_id = $1) x;

-- name: EmbedAfterStar :many
SELECT t.*, sqlc.embed(p) FROM tasks t JOIN projects p ON p.tenant_id = t.tenant_id AND p.id = t.project_id WHERE t.tenant_id = $1;

-- name: TruncatesTenantData :exec
TRUNCATE projects;

-- name: ListensOnAPooledConnection :exec
LISTEN jobs;

-- name: NotifiesUndeclared :exec
NOTIFY jobs;

-- name: BrokenBlock :exec
-- dbkit:cross-tenant
DO $$ BEGIN PERFORM FROM nowhere WHERE; END $$;

-- name: CallsWhatIsNoProcedure :exec
-- dbkit:cross-tenant
CALL no_such_procedure($1);

-- name: RefreshesATable :exec
-- dbkit:cross-tenant
REFRESH MATERIALIZED VIEW projects;
