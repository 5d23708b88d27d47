-- Updates restricted to the tenant's rows, setting tenant-unsafe references only to the tenant's rows.

-- name: CompleteTask :execrows
-- The tenant and the id.
UPDATE tasks SET done = true WHERE tenant_id = $1 AND id = $2;

-- name: RenameProject :one
-- RETURNING the updated row.
UPDATE projects SET name = $3 WHERE tenant_id = $1 AND id = $2 RETURNING id, name;

-- name: ReassignTasks :execrows
-- A bulk update within the tenant.
UPDATE tasks SET assignee = $3 WHERE tenant_id = $1 AND assignee = $2;

-- name: CloseTasksOfArchivedProjects :execrows
-- UPDATE ... FROM with both tables bound.
UPDATE tasks t SET done = true
FROM projects p
WHERE t.tenant_id = $1 AND p.tenant_id = t.tenant_id AND p.id = t.project_id AND p.status = 'archived';

-- name: SetTaskBlocker :execrows
-- blocked_by from a bound scan of tasks in UPDATE ... FROM.
UPDATE tasks t SET blocked_by = b.id
FROM tasks b
WHERE t.tenant_id = $1 AND t.id = $2 AND b.tenant_id = t.tenant_id AND b.id = $3;

-- name: SetTaskBlockerGuarded :execrows
-- blocked_by set to a parameter guarded by EXISTS on the tenant's task with that id.
UPDATE tasks SET blocked_by = $3
WHERE tenant_id = $1 AND id = $2
  AND EXISTS (SELECT 1 FROM tasks b WHERE b.tenant_id = $1 AND b.id = $3);

-- name: ClearTaskBlocker :execrows
-- blocked_by set to NULL.
UPDATE tasks SET blocked_by = NULL WHERE tenant_id = $1 AND id = $2;

-- name: MoveMilestoneToProject :execrows
-- milestones.project_id from a bound scan of projects.
UPDATE milestones m SET project_id = p.id
FROM projects p
WHERE m.tenant_id = $1 AND m.id = $2 AND p.tenant_id = m.tenant_id AND p.id = $3;

-- name: MoveTaskToProject :execrows
-- tasks.project_id is tenant-safe: a plain parameter, checked by the composite foreign key.
UPDATE tasks SET project_id = $3 WHERE tenant_id = $1 AND id = $2;

-- name: MergeFlagMetadata :one
-- jsonb concatenation.
UPDATE feature_flags SET metadata = metadata || $3::jsonb WHERE tenant_id = $1 AND key = $2 RETURNING metadata;

-- name: EstimateFromProjectAverage :execrows
-- The new value comes from a scalar subquery bound to the parameter.
UPDATE tasks
SET estimate = (SELECT avg(x.estimate)::int FROM tasks x WHERE x.tenant_id = $1 AND x.project_id = tasks.project_id)
WHERE tenant_id = $1 AND id = $2;

-- name: RetitleOpenTaskThroughView :execrows
-- An update through open_tasks, which exposes tenant_id, filtered by it.
UPDATE open_tasks SET title = $3 WHERE tenant_id = $1 AND id = $2;

-- name: UpdateTaskRestatingTenant :execrows
-- SET tenant_id to the tenant parameter itself: a no-op the proof accepts, and the generated method binds it
-- from TenantContext like the condition (no tenantId argument that could clash with it).
UPDATE tasks SET tenant_id = $1, title = $2 WHERE tenant_id = $1 AND id = $3;
