-- Set operations whose every branch is bound to the tenant.

-- name: TasksAndMilestonesTitles :many
-- UNION of two bound branches.
SELECT title FROM tasks WHERE tenant_id = $1
UNION
SELECT title FROM milestones WHERE tenant_id = $1
ORDER BY title;

-- name: TenantActivityFeed :many
-- UNION ALL of three bound branches.
SELECT 'task' AS kind, id, title AS label FROM tasks WHERE tenant_id = $1
UNION ALL
SELECT 'project', id, name FROM projects WHERE tenant_id = $1
UNION ALL
SELECT 'milestone', id, title FROM milestones WHERE tenant_id = $1;

-- name: AssigneesWithOnlyOpenTasks :many
-- EXCEPT of two bound branches.
SELECT assignee FROM tasks WHERE tenant_id = $1 AND assignee IS NOT NULL
EXCEPT
SELECT assignee FROM tasks WHERE tenant_id = $1 AND done;

-- name: TitlesUsedAsMilestones :many
-- INTERSECT of two bound branches.
SELECT title FROM tasks WHERE tenant_id = $1
INTERSECT
SELECT title FROM milestones WHERE tenant_id = $1;
