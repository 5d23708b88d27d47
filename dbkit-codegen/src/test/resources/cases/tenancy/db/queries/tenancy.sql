-- name: TaskWithProject :one
-- Aliases and a join on the tenant column: both tables are bound.
SELECT t.title, p.name
FROM tasks AS t
JOIN projects AS p ON p.id = t.project_id AND p.tenant_id = t.tenant_id
WHERE t.tenant_id = $1 AND t.id = $2;

-- name: OpenTasksViaCte :many
WITH mine AS (SELECT * FROM tasks WHERE tenant_id = @tenant_id)
SELECT id FROM mine WHERE NOT done;

-- name: ListCountries :many
-- A global table needs no tenant.
SELECT code, name FROM countries ORDER BY name;

-- name: CountProjectsPerTenant :many
-- dbkit:cross-tenant
-- For the platform's billing job: counts every tenant's projects.
SELECT tenant_id, count(*) AS projects FROM projects GROUP BY tenant_id ORDER BY tenant_id;

-- name: ProjectsOfTenant :many
-- dbkit:cross-tenant
-- A platform query that names its tenant explicitly.
SELECT id, name FROM projects WHERE tenant_id = $1;
