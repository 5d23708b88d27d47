-- UPDATE that changes another tenant's rows, moves rows between tenants, or reads another tenant's rows.

-- name: UpdateTaskById :execrows
-- No tenant condition: any tenant's task by id.
UPDATE tasks SET done = true WHERE id = $1;

-- name: UpdateMovesProjectToOtherTenant :execrows
-- SET tenant_id = $2 moves the tenant's project into another tenant.
UPDATE projects SET tenant_id = $2 WHERE tenant_id = $1 AND id = $3;

-- name: UpdateMovesViaRowAssignment :execrows
-- The same move written as a multi-column assignment.
UPDATE feature_flags SET (tenant_id, enabled) = ($2, $3) WHERE tenant_id = $1 AND key = $4;

-- name: UpdateTenantToDefault :execrows
-- SET tenant_id = DEFAULT moves the audit event into the all-zero tenant shared by everyone.
UPDATE audit_events SET tenant_id = DEFAULT WHERE tenant_id = $1 AND id = $2;

-- name: UpdateTenantFromSubquery :execrows
-- The new tenant comes from the tenants table by name.
UPDATE feature_flags SET tenant_id = (SELECT id FROM tenants WHERE name = $3) WHERE tenant_id = $1 AND key = $2;

-- name: UpdateTenantFromRowSubquery :execrows
-- A row subquery assigns tenant_id from another tenant's project.
UPDATE milestones
SET (tenant_id, project_id) = (SELECT p.tenant_id, p.id FROM projects p WHERE p.id = $3)
WHERE tenant_id = $1 AND id = $2;

-- name: UpdateTenantOrId :execrows
-- OR in the WHERE clause.
UPDATE tasks SET done = true WHERE tenant_id = $1 OR id = $2;

-- name: UpdateFromUnscopedTable :execrows
-- UPDATE ... FROM reads the project through the unsafe milestones.project_id reference:
-- another tenant's project name is copied into the tenant's milestone.
UPDATE milestones m SET title = p.name
FROM projects p
WHERE p.id = m.project_id AND m.tenant_id = $1;

-- name: UpdateFilterOnlyOnFromTable :execrows
-- The tenant condition is on the FROM table only: other tenants' milestones pointing at the tenant's projects
-- are updated.
UPDATE milestones m SET due_on = $2
FROM projects p
WHERE p.id = m.project_id AND p.tenant_id = $1;

-- name: UpdateSetFromUnscopedSubquery :execrows
-- Copies another tenant's task title into the tenant's task.
UPDATE tasks SET title = (SELECT x.title FROM tasks x WHERE x.id = $3) WHERE tenant_id = $1 AND id = $2;

-- name: UpdateWhereCurrentOf :execrows
-- WHERE CURRENT OF updates whatever row a cursor (over any query) is on.
UPDATE tasks SET done = true WHERE CURRENT OF task_cursor;

-- name: UpdateByAssigneeOfScopedTask :execrows
-- The tenant condition is only in the subquery: every tenant's tasks with that assignee are updated.
UPDATE tasks SET done = true
WHERE assignee IN (SELECT assignee FROM tasks WHERE tenant_id = $1 AND id = $2);

-- name: UpdateReturningPlatformCount :one
-- The update is scoped, the RETURNING clause counts every tenant's done tasks.
UPDATE tasks SET done = true WHERE tenant_id = $1 AND id = $2
RETURNING id, (SELECT count(*) FROM tasks WHERE done) AS done_everywhere;

-- name: UpdateThroughHidingView :execrows
-- task_titles is an automatically updatable view without tenant_id: any tenant's title is changed.
UPDATE task_titles SET title = $2 WHERE id = $1;

-- name: UpdateThroughViewMovesTenant :execrows
-- Through open_tasks, which exposes tenant_id: SET tenant_id moves the task.
UPDATE open_tasks SET tenant_id = $2 WHERE tenant_id = $1 AND id = $3;

-- name: UpdateTenantToOwnId :execrows
-- SET tenant_id to another uuid column of the row (its id): the row leaves the tenant.
UPDATE projects SET tenant_id = id WHERE tenant_id = $1 AND id = $2;
