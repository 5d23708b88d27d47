-- Joins where every scanned table is bound: both to the parameter, or one to the parameter and the other
-- by equality of tenant_id with it.

-- name: TaskWithProjectName :one
-- The project is bound by p.tenant_id = t.tenant_id, t by the parameter.
SELECT t.title, p.name
FROM tasks t
JOIN projects p ON p.id = t.project_id AND p.tenant_id = t.tenant_id
WHERE t.tenant_id = $1 AND t.id = $2;

-- name: TasksWithProjectBothBound :many
-- Both tables compared with the same parameter.
SELECT t.id, t.title, p.name
FROM tasks t
JOIN projects p ON p.id = t.project_id
WHERE t.tenant_id = $1 AND p.tenant_id = $1;

-- name: ProjectsWithOptionalMilestones :many
-- LEFT JOIN: the nullable side is bound in its ON clause by equality with the preserved side's tenant.
SELECT p.name, m.title, m.due_on
FROM projects p
LEFT JOIN milestones m ON m.project_id = p.id AND m.tenant_id = p.tenant_id
WHERE p.tenant_id = $1
ORDER BY p.name, m.due_on;

-- name: ProjectsWithOptionalMilestonesParameter :many
-- LEFT JOIN: the nullable side is bound to the parameter in its ON clause.
SELECT p.name, m.title
FROM projects p
LEFT JOIN milestones m ON m.project_id = p.id AND m.tenant_id = $1
WHERE p.tenant_id = $1;

-- name: TasksWithOptionalBlocker :many
-- The unsafe blocked_by reference is followed only within the tenant.
SELECT t.id, t.title, b.title AS blocker
FROM tasks t
LEFT JOIN tasks b ON b.id = t.blocked_by AND b.tenant_id = t.tenant_id
WHERE t.tenant_id = $1;

-- name: ProjectsWithCountryName :many
-- A global table joined in.
SELECT p.name, c.name AS country
FROM projects p
LEFT JOIN countries c ON c.code = p.country
WHERE p.tenant_id = $1;

-- name: MilestonesWithProject :many
-- The unsafe milestones.project_id reference followed within the tenant.
SELECT m.title, m.due_on, p.name
FROM milestones m
JOIN projects p ON p.id = m.project_id AND p.tenant_id = m.tenant_id
WHERE m.tenant_id = $1;

-- name: TasksProjectsMilestones :many
-- A three-way join, every table chained to the bound one.
SELECT t.title, p.name, m.title AS milestone
FROM tasks t
JOIN projects p ON p.id = t.project_id AND p.tenant_id = t.tenant_id
JOIN milestones m ON m.project_id = p.id AND m.tenant_id = p.tenant_id
WHERE t.tenant_id = $1;

-- name: TasksSharingAssignee :many
-- A self-join within the tenant.
SELECT t.id, o.title AS also_assigned
FROM tasks t
JOIN tasks o ON o.assignee = t.assignee AND o.tenant_id = t.tenant_id AND o.id <> t.id
WHERE t.tenant_id = $1;

-- name: ProjectsWithNextMilestones :many
-- A LATERAL subquery bound by m.tenant_id = p.tenant_id, p bound by the parameter.
SELECT p.name, x.title, x.due_on
FROM projects p
CROSS JOIN LATERAL (
    SELECT m.title, m.due_on
    FROM milestones m
    WHERE m.tenant_id = p.tenant_id AND m.project_id = p.id
    ORDER BY m.due_on
    LIMIT 3
) x
WHERE p.tenant_id = $1;

-- name: ProjectsWithOpenTaskCountLateral :many
-- LEFT JOIN LATERAL ... ON true with a scoped aggregate.
SELECT p.name, c.open_tasks
FROM projects p
LEFT JOIN LATERAL (
    SELECT count(*) AS open_tasks FROM tasks t WHERE t.tenant_id = p.tenant_id AND t.project_id = p.id AND NOT t.done
) c ON true
WHERE p.tenant_id = $1;

-- name: TasksOfProjectByName :many
-- Inner join with the filter on both tables' tenant in the WHERE clause.
SELECT t.id, t.title
FROM tasks t, projects p
WHERE t.tenant_id = $1 AND p.tenant_id = t.tenant_id AND p.id = t.project_id AND p.name = $2;
