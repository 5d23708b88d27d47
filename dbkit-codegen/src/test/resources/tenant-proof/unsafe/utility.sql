-- Statements PostgreSQL cannot PREPARE: dbkit analyses them another way and fails closed. Unmarked, each would
-- reach every tenant's rows (or change the session).

-- name: TruncatesTasks :exec
TRUNCATE tasks;

-- name: TruncatesOnlyTasksCascading :exec
TRUNCATE ONLY tasks CASCADE;

-- name: TruncatesAGlobalTable :exec
-- Shared by every tenant: a platform operation too.
TRUNCATE countries;

-- name: CallsAProcedure :exec
-- The procedure's body is code the proof cannot read.
CALL pg_catalog.pg_sleep_for('0');

-- name: RunsABlock :exec
DO $$ BEGIN DELETE FROM tasks; END $$;

-- name: RunsABlockWithTheTenant :exec
-- Even a block that looks scoped: the proof does not read PL/pgSQL.
DO $$ BEGIN DELETE FROM tasks WHERE tenant_id = '00000000-0000-0000-0000-000000000000'; END $$;

-- name: RefreshesAView :exec
REFRESH MATERIALIZED VIEW nothing_here;

-- name: Listens :exec
-- dbkit:cross-tenant
-- Changes the session: refused even for the platform.
LISTEN jobs;

-- name: Unlistens :exec
-- dbkit:cross-tenant
UNLISTEN *;

-- name: NotifiesUndeclared :exec
NOTIFY jobs, 'x';
