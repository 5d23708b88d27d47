-- DELETE of another tenant's rows, or whose choice of rows depends on another tenant's rows.

-- name: DeleteTaskById :execrows
-- No tenant condition: any tenant's task by id.
DELETE FROM tasks WHERE id = $1;

-- name: DeleteAllFlags :execrows
-- No WHERE clause at all.
DELETE FROM feature_flags;

-- name: DeleteTenantOrKey :execrows
-- OR in the WHERE clause.
DELETE FROM feature_flags WHERE tenant_id = $1 OR key = $2;

-- name: DeleteUsingFilterOnlyOnUsing :execrows
-- The tenant condition is on the USING table only: other tenants' milestones pointing at the tenant's
-- projects are deleted.
DELETE FROM milestones m
USING projects p
WHERE p.id = m.project_id AND p.tenant_id = $1;

-- name: DeleteUsingUnscopedTable :execrows
-- Which of the tenant's tasks are deleted depends on another tenant's task (the unsafe blocked_by reference).
DELETE FROM tasks t
USING tasks b
WHERE t.tenant_id = $1 AND b.id = t.blocked_by AND b.done;

-- name: DeleteInUnscopedSubquery :execrows
-- IN (subquery) over every tenant's archived projects.
DELETE FROM tasks
WHERE tenant_id = $1 AND title IN (SELECT name FROM projects WHERE status = 'archived');

-- name: DeleteReturningPlatformCount :one
-- The delete is scoped, the RETURNING clause counts every tenant's tasks.
DELETE FROM tasks WHERE tenant_id = $1 AND id = $2
RETURNING id, (SELECT count(*) FROM tasks) AS remaining_everywhere;

-- name: DeleteThroughHidingView :execrows
-- Deletes any tenant's task through task_titles.
DELETE FROM task_titles WHERE id = $1;

-- name: DeleteWhereCurrentOf :execrows
-- WHERE CURRENT OF deletes whatever row a cursor is on.
DELETE FROM tasks WHERE CURRENT OF task_cursor;

-- name: DeleteEverythingButMine :execrows
-- The only tenant condition is inside NOT EXISTS: every other tenant's flags are deleted.
DELETE FROM feature_flags f
WHERE NOT EXISTS (SELECT 1 FROM feature_flags m WHERE m.tenant_id = $1 AND m.id = f.id);

-- name: DeleteTenantFromSubquery :execrows
-- The tenant comes from an unrestricted read of another table.
DELETE FROM tasks WHERE tenant_id = (SELECT tenant_id FROM projects WHERE id = $1);

-- name: DeleteConstantTenant :execrows
-- A constant tenant: the shared default tenant's audit events.
DELETE FROM audit_events WHERE tenant_id = '00000000-0000-0000-0000-000000000000';

-- name: DeleteUsingUnnestedTenants :execrows
-- USING unnest of a caller-supplied array named tenant_id.
DELETE FROM feature_flags f
USING unnest($1::uuid[]) AS u (tenant_id)
WHERE f.tenant_id = u.tenant_id;
