-- Subqueries bound to the tenant: directly by the parameter, or by correlation on tenant_id with a bound scan.

-- name: ProjectsWithOpenTaskCount :many
-- A correlated scalar subquery bound by t.tenant_id = p.tenant_id.
SELECT p.id, p.name,
       (SELECT count(*) FROM tasks t WHERE t.tenant_id = p.tenant_id AND t.project_id = p.id AND NOT t.done) AS open_tasks
FROM projects p
WHERE p.tenant_id = $1;

-- name: ProjectsWithOverdueMilestones :many
-- EXISTS correlated on tenant_id.
SELECT p.id, p.name
FROM projects p
WHERE p.tenant_id = $1
  AND EXISTS (SELECT 1 FROM milestones m WHERE m.tenant_id = p.tenant_id AND m.project_id = p.id AND m.due_on < now()::date);

-- name: ProjectsWithoutTasks :many
-- NOT EXISTS correlated on tenant_id.
SELECT p.id, p.name
FROM projects p
WHERE p.tenant_id = $1
  AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = p.tenant_id AND t.project_id = p.id);

-- name: TasksInActiveProjects :many
-- IN (subquery) with the subquery bound to the same parameter.
SELECT t.id, t.title
FROM tasks t
WHERE t.tenant_id = $1
  AND t.project_id IN (SELECT p.id FROM projects p WHERE p.tenant_id = $1 AND p.status = 'active');

-- name: TasksAboveTenantAverage :many
-- A scalar subquery bound to the parameter.
SELECT t.id, t.estimate
FROM tasks t
WHERE t.tenant_id = $1
  AND t.estimate > (SELECT avg(x.estimate) FROM tasks x WHERE x.tenant_id = $1);

-- name: TenantDashboardCounts :one
-- Several scalar subqueries, each bound to the parameter, and no FROM.
SELECT (SELECT count(*) FROM tasks WHERE tenant_id = $1) AS tasks,
       (SELECT count(*) FROM projects WHERE tenant_id = $1) AS projects,
       (SELECT count(*) FROM feature_flags WHERE tenant_id = $1 AND enabled) AS enabled_flags;

-- name: ProjectNameExists :one
-- An EXISTS bound to the parameter.
SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = $1 AND name = $2);

-- name: TasksWithBlockerTitle :many
-- The unsafe blocked_by reference followed in a scalar subquery bound by b.tenant_id = t.tenant_id.
SELECT t.id, (SELECT b.title FROM tasks b WHERE b.tenant_id = t.tenant_id AND b.id = t.blocked_by) AS blocker
FROM tasks t
WHERE t.tenant_id = $1;

-- name: ProjectsWithMilestoneTitles :many
-- ARRAY(subquery) bound by correlation.
SELECT p.name,
       ARRAY(SELECT m.title FROM milestones m WHERE m.tenant_id = p.tenant_id AND m.project_id = p.id ORDER BY m.due_on) AS milestones
FROM projects p
WHERE p.tenant_id = $1;
