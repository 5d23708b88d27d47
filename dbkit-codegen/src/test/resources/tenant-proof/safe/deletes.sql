-- Deletes restricted to the tenant's rows.

-- name: DeleteTask :execrows
-- The tenant and the id.
DELETE FROM tasks WHERE tenant_id = $1 AND id = $2;

-- name: DeleteDoneTasksOfProject :execrows
-- A bulk delete within the tenant.
DELETE FROM tasks WHERE tenant_id = $1 AND project_id = $2 AND done;

-- name: DeleteMilestonesOfArchivedProjects :execrows
-- DELETE ... USING with both tables bound.
DELETE FROM milestones m
USING projects p
WHERE m.tenant_id = $1 AND p.tenant_id = m.tenant_id AND p.id = m.project_id AND p.status = 'archived';

-- name: DeleteFlag :one
-- RETURNING the deleted row.
DELETE FROM feature_flags WHERE tenant_id = $1 AND key = $2 RETURNING id, enabled;

-- name: DeleteFlagsNotInList :execrows
-- NOT (key = ANY ...) on a non-tenant column.
DELETE FROM feature_flags WHERE tenant_id = $1 AND NOT (key = ANY ($2::text[]));

-- name: DeleteTasksOfBlockedChain :execrows
-- IN (subquery) bound to the same parameter.
DELETE FROM tasks
WHERE tenant_id = $1 AND blocked_by IN (SELECT id FROM tasks WHERE tenant_id = $1 AND done);
