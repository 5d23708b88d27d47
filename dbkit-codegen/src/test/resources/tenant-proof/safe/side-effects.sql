-- Queries that declare their side effects (-- dbkit:side-effects): allowed, and still proved for tenancy.

-- name: LockForTenantWork :one
-- dbkit:side-effects
-- A transaction-level advisory lock: released when the transaction ends.
SELECT pg_try_advisory_xact_lock(hashtext($1::text)) AS locked;

-- name: NotifyProjectChanged :one
-- dbkit:side-effects
SELECT count(pg_notify('projects', id::text)) AS notified FROM projects WHERE tenant_id = $1 AND id = $2;

-- name: NextInvoiceNumber :one
-- nextval needs no declaration: every insert into a serial column calls it.
SELECT nextval('invoice_numbers') AS number;

-- name: PlatformCountsNotesDeclared :one
-- dbkit:cross-tenant
-- dbkit:side-effects
-- A platform query that calls a function whose body dbkit cannot see, and says so.
SELECT platform_task_count() AS tasks;
