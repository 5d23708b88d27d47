-- Views and materialized views: a view that hides tenant_id cannot be scoped, a view that exposes it must be
-- filtered like a table, and a materialized view without tenant_id holds every tenant's data.

-- name: TaskTitlesView :many
-- task_titles hides tenant_id: every tenant's titles.
SELECT id, title FROM task_titles;

-- name: TaskTitleById :one
-- task_titles by id: any tenant's title.
SELECT title FROM task_titles WHERE id = $1;

-- name: OpenTasksWithoutFilter :many
-- open_tasks exposes tenant_id but is not filtered.
SELECT id, title FROM open_tasks;

-- name: OpenTasksByProjectOnly :many
-- open_tasks filtered by a caller-chosen project only.
SELECT id, title FROM open_tasks WHERE project_id = $1;

-- name: OpenTasksTenantOrTitle :many
-- OR on the view's tenant_id.
SELECT id, title FROM open_tasks WHERE tenant_id = $1 OR title = $2;

-- name: BlockerTitleThroughHidingView :many
-- Follows blocked_by into task_titles, which cannot be bound to the tenant.
SELECT t.id, b.title AS blocker
FROM tasks t
JOIN task_titles b ON b.id = t.blocked_by
WHERE t.tenant_id = $1;

-- name: OuterTenantCapturedByHidingView :many
-- task_titles has no tenant_id column, so the unqualified tenant_id in the subquery resolves to t.tenant_id:
-- the view's rows are not filtered at all.
SELECT t.id
FROM tasks t
WHERE t.tenant_id = $1
  AND t.title IN (SELECT title FROM task_titles WHERE tenant_id = $1);

-- name: AllTaskTitlesMaterialized :many
-- A materialized view without tenant_id: every tenant's titles.
SELECT title FROM all_task_titles;

-- name: TitleTakenInMaterializedView :many
-- The tenant's tasks whose title appears in the all-tenant materialized view.
SELECT t.id, t.title
FROM tasks t
WHERE t.tenant_id = $1 AND t.title IN (SELECT title FROM all_task_titles);

-- name: ProjectTaskCountsWithoutFilter :many
-- project_task_counts has tenant_id but is read without it.
SELECT project_id, tasks FROM project_task_counts;

-- name: ProjectTaskCountsByProject :one
-- project_task_counts by a caller-chosen project id.
SELECT tasks FROM project_task_counts WHERE project_id = $1;

-- name: ProjectTaskCountsTotal :one
-- A sum over every tenant's counts.
SELECT sum(tasks) FROM project_task_counts;
