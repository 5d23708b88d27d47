-- User-defined functions: their bodies are invisible in the plan (or inlined today and opaque tomorrow),
-- so any call in a tenant-scoped query is refused.

-- name: CountTasksOfAnyProject :one
-- count_tasks reads tasks without a tenant: the caller counts the tasks of any tenant's project.
SELECT count_tasks($1);

-- name: CountTasksInSelectList :many
-- count_tasks called on the tenant's projects: the plan shows only the call, never the scan in its body.
SELECT p.id, p.name, count_tasks(p.id) AS tasks
FROM projects p
WHERE p.tenant_id = $1;

-- name: CountTasksInWhere :many
-- A user function in the WHERE clause of a scoped read.
SELECT p.id
FROM projects p
WHERE p.tenant_id = $1 AND count_tasks(p.id) = 0;

-- name: AllTasksUnfiltered :many
-- all_tasks() returns every tenant's tasks.
SELECT id, title FROM all_tasks();

-- name: AllTasksInlinedWithFilter :many
-- all_tasks() is a SQL function the planner inlines today: the plan then looks like a filtered scan of tasks,
-- but the function can be replaced (SECURITY DEFINER, plpgsql) without touching this query.
SELECT id, title FROM all_tasks() WHERE tenant_id = $1;

-- name: AllTasksWithOrdinality :many
-- WITH ORDINALITY stops the inlining: the plan shows a Function Scan and no table at all.
SELECT a.id, a.title, a.n FROM all_tasks() WITH ORDINALITY AS a (id, tenant_id, project_id, blocked_by, title, done, assignee, estimate, n);

-- name: AllTasksJoinedToScopedProjects :many
-- all_tasks() in a join with the tenant's projects, matched on the project only.
SELECT p.name, a.title
FROM projects p
JOIN all_tasks() a ON a.project_id = p.id
WHERE p.tenant_id = $1;

-- name: TaskTitleSecurityDefiner :one
-- task_title is SECURITY DEFINER plpgsql: it reads any tenant's title, even under row-level security.
SELECT task_title($1);

-- name: TaskTitleOfBlocker :many
-- task_title follows the unsafe blocked_by reference from the tenant's tasks into another tenant.
SELECT t.id, task_title(t.blocked_by) AS blocker
FROM tasks t
WHERE t.tenant_id = $1;

-- name: TaskTitleCopiedIntoInsert :one
-- task_title copies another tenant's title into the tenant's new project.
INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, task_title($3)) RETURNING id;

-- name: SlugifyInScopedRead :many
-- slugify reads no table today, but dbkit cannot know that without reading its body: refused (fail closed).
SELECT id, slugify(name) AS slug FROM projects WHERE tenant_id = $1;

-- name: SlugifyInInsert :exec
-- A user function in the VALUES of an insert.
INSERT INTO projects (id, tenant_id, name, code) VALUES ($1, $2, $3, slugify($3));

-- name: AlwaysEqualFunctionInWhere :many
-- The function behind === called by name: always true.
SELECT id, title FROM tasks WHERE uuid_always_equal(tenant_id, $1);
