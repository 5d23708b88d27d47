-- Renaming attacks: a column called tenant_id that is not the table's tenant_id.

-- name: TableAliasColumnListSwap :many
-- The alias column list renames tasks' columns in order (id, tenant_id, project_id):
-- t.tenant_id is really project_id, and the real tenant column is called project_id.
SELECT t.id FROM tasks AS t (id, project_id, tenant_id) WHERE t.tenant_id = $1;

-- name: SubqueryAliasColumnList :many
-- The derived table's alias column list calls project_id tenant_id.
SELECT s.id, s.title
FROM (SELECT id, project_id, title FROM tasks) AS s (id, tenant_id, title)
WHERE s.tenant_id = $1;

-- name: SubqueryColumnRenamedToTenantId :many
-- The subquery selects blocked_by AS tenant_id.
SELECT s.id, s.title
FROM (SELECT id, blocked_by AS tenant_id, title FROM tasks) s
WHERE s.tenant_id = $1;

-- name: ConstantColumnNamedTenantId :many
-- The subquery's tenant_id column is the parameter itself: the filter is $1 = $1, true for every row.
SELECT s.id, s.title
FROM (SELECT id, title, $1::uuid AS tenant_id FROM tasks) s
WHERE s.tenant_id = $1;

-- name: ViewAliasColumnListSwap :many
-- The same swap on a view that exposes tenant_id: open_tasks AS o (id, project_id, tenant_id).
SELECT o.id FROM open_tasks AS o (id, project_id, tenant_id) WHERE o.tenant_id = $1;

-- name: TableAliasesSwapped :many
-- The alias tasks names the projects table and the alias projects names the tasks table:
-- the filtered one is the tasks table, every tenant's project names are returned.
SELECT projects.id, tasks.name
FROM projects AS tasks, tasks AS projects
WHERE projects.tenant_id = $1;

-- name: JoinOnUnnestNamedTenantId :many
-- tasks is equated with the tenant_id column of an unnest of a caller-supplied array, not of a scoped table.
SELECT t.id, t.title
FROM unnest($1::uuid[]) AS u (tenant_id)
JOIN tasks t ON t.tenant_id = u.tenant_id;

-- name: JoinUsingValuesNamedTenantId :many
-- JOIN ... USING (tenant_id) with a VALUES list of two caller-supplied tenants.
SELECT t.id, t.title
FROM (VALUES ($1::uuid), ($2::uuid)) AS v (tenant_id)
JOIN tasks t USING (tenant_id);

-- name: GroupedColumnAliasedTenantId :many
-- The outer query filters on a column named tenant_id that is the grouped project_id of every tenant.
SELECT g.tenant_id AS project, g.n
FROM (SELECT project_id AS tenant_id, count(*) AS n FROM tasks GROUP BY project_id) g
WHERE g.tenant_id = $1;
