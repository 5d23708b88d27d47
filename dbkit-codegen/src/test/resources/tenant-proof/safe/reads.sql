-- Single-table reads an application writes every day: each scan is restricted by tenant_id = $n
-- as a top-level AND condition.

-- name: GetTask :one
-- The tenant and the id, AND-ed.
SELECT id, project_id, title, done, assignee, estimate FROM tasks WHERE tenant_id = $1 AND id = $2;

-- name: ListOpenTasksOfProject :many
-- Tenant, project and a boolean condition, ordered.
SELECT id, title, assignee
FROM tasks
WHERE tenant_id = $1 AND project_id = $2 AND NOT done
ORDER BY title;

-- name: SearchTasks :many
-- The OR is inside a parenthesised conjunct, the tenant condition stays a top-level AND.
SELECT id, title
FROM tasks
WHERE tenant_id = $1 AND (title ILIKE '%' || $2 || '%' OR assignee = $2)
ORDER BY title
LIMIT 50;

-- name: ListTasksPage :many
-- Keyset pagination on id within the tenant.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3;

-- name: GetTaskTenantOnTheRight :one
-- The parameter on the left of the equality.
SELECT id, title FROM tasks WHERE $1 = tenant_id AND id = $2;

-- name: GetTaskParameterCast :one
-- A cast on the parameter (not on the column) is still the binding equality.
SELECT id, title FROM tasks WHERE tenant_id = $1::uuid AND id = $2::uuid;

-- name: GetProjectByName :one
-- Built-in lower() on another column.
SELECT id, name, code, status FROM projects WHERE tenant_id = $1 AND lower(name) = lower($2);

-- name: ListProjectsByStatus :many
-- An enum parameter on a non-tenant column.
SELECT id, name, status FROM projects WHERE tenant_id = $1 AND status = $2 ORDER BY name;

-- name: GetProjectByCodeOfTenant :one
-- The global unique code, but within the tenant.
SELECT id, name FROM projects WHERE tenant_id = $1 AND code = $2;

-- name: GetFeatureFlag :one
-- The flag of the tenant by key.
SELECT enabled, metadata FROM feature_flags WHERE tenant_id = $1 AND key = $2;

-- name: ListFlagsWithMetadataOwner :many
-- jsonb operators on another column.
SELECT key, metadata ->> 'owner' AS owner
FROM feature_flags
WHERE tenant_id = $1 AND metadata ? 'owner' AND metadata ->> 'owner' = $2;

-- name: ListFlagsAsJson :many
-- jsonb_build_object over a scoped scan.
SELECT jsonb_build_object('key', key, 'enabled', enabled) AS flag FROM feature_flags WHERE tenant_id = $1;

-- name: LockTaskForUpdate :one
-- FOR UPDATE on a scoped read locks only the tenant's row.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND id = $2 FOR UPDATE;

-- name: ListRecentAuditEvents :many
-- The tenant's audit events, newest first.
SELECT id, action FROM audit_events WHERE tenant_id = $1 ORDER BY id DESC LIMIT 100;

-- name: ListOverdueMilestones :many
-- now() and date arithmetic on a scoped scan.
SELECT id, title, due_on FROM milestones WHERE tenant_id = $1 AND due_on < now()::date ORDER BY due_on;

-- name: ListCountries :many
-- A global lookup table needs no tenant.
SELECT code, name FROM countries ORDER BY name;

-- name: GetTaskParenthesizedWhere :one
-- The whole WHERE clause in parentheses: still a top-level AND.
SELECT id, title FROM tasks WHERE (tenant_id = $1 AND id = $2);

-- name: ListTasksExcludingIds :many
-- NOT (id = ANY ...) on a non-tenant column.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND NOT (id = ANY ($2::uuid[]));

-- name: ReadTasksTenantFromScalarSelect :many
-- The parameter reaches tenant_id through a scalar subquery: the proof follows it there, so dbkit binds $1 from
-- TenantContext like any parameter compared with tenant_id.
SELECT id, title FROM tasks WHERE tenant_id = (SELECT $1::uuid);
