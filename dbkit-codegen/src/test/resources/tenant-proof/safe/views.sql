-- Views and materialized views that expose tenant_id, filtered by it like tables.

-- name: ListOpenTasksView :many
-- open_tasks exposes tenant_id: filtered like the table.
SELECT id, title FROM open_tasks WHERE tenant_id = $1 ORDER BY title;

-- name: OpenTasksOfProjectView :many
-- open_tasks with the tenant and a project.
SELECT id, title FROM open_tasks WHERE tenant_id = $1 AND project_id = $2;

-- name: OpenTasksWithProjectView :many
-- The view joined to projects, bound by tenant equality.
SELECT o.id, o.title, p.name
FROM open_tasks o
JOIN projects p ON p.id = o.project_id AND p.tenant_id = o.tenant_id
WHERE o.tenant_id = $1;

-- name: ProjectTaskCountsOfTenant :many
-- The materialized view has tenant_id: filtered by it.
SELECT project_id, tasks FROM project_task_counts WHERE tenant_id = $1 ORDER BY tasks DESC;

-- name: ProjectTaskCountsWithNames :many
-- The materialized view joined to projects, both bound.
SELECT p.name, c.tasks
FROM project_task_counts c
JOIN projects p ON p.id = c.project_id AND p.tenant_id = c.tenant_id
WHERE c.tenant_id = $1;

-- name: GetTaskAgain :one
-- The very text of GetTask in another file: the analysis proves it again (the driver's statement cache must not
-- answer for the server).
SELECT id, project_id, title, done, assignee, estimate FROM tasks WHERE tenant_id = $1 AND id = $2;
