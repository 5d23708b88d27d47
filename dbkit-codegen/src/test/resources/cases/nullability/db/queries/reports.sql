-- name: TasksWithProjects :many
-- Columns of the nullable side of an outer join are @Nullable.
SELECT t.id, t.title, p.name AS project_name, p.status, t.estimate
FROM tasks t
LEFT JOIN projects p ON p.id = t.project_id AND p.tenant_id = t.tenant_id
WHERE t.tenant_id = $1;

-- name: TaskStats :one
SELECT count(*) AS total,
       count(*) FILTER (WHERE done) AS done,
       max(estimate) AS longest,
       coalesce(sum(estimate), 0) AS total_estimate,
       exists(SELECT 1 FROM tasks x WHERE x.tenant_id = $1 AND x.assignee IS NULL) AS has_unassigned,
       'v1' AS version
FROM tasks WHERE tenant_id = $1;

-- name: ProjectNames :many
-- A "!" suffix on an alias asserts a column is never null; "?" that it may be.
SELECT upper(name) AS "name!", nullif(name, '') AS "maybe_name?", name AS plain_name
FROM projects WHERE tenant_id = $1;
