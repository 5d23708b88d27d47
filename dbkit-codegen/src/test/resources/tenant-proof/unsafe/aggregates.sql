-- Aggregates whose value depends on other tenants' rows: a count, a sum or an average of another tenant is a leak.

-- name: CountAllTasks :one
-- Counts every tenant's tasks.
SELECT count(*) FROM tasks;

-- name: AverageBudgetOfAllTenants :one
-- A platform-wide benchmark: the average budget of every tenant's active projects.
SELECT avg(budget) FROM projects WHERE status = 'active';

-- name: CountTasksPerTenant :many
-- A leaderboard: one row per tenant with its task count.
SELECT tenant_id, count(*) AS tasks FROM tasks GROUP BY tenant_id ORDER BY count(*) DESC;

-- name: CountWithTenantOnlyInFilterClause :one
-- The tenant condition is only in an aggregate FILTER clause: the other aggregate still counts every tenant.
SELECT count(*) FILTER (WHERE tenant_id = $1) AS mine, count(*) AS everyone FROM tasks;

-- name: CountTitleCopiesAcrossTenants :many
-- Groups all tenants' tasks by title and filters the groups afterwards:
-- copies counts the same title in every tenant.
SELECT s.title, s.copies
FROM (SELECT title, (array_agg(tenant_id))[1] AS tenant_id, count(*) AS copies FROM tasks GROUP BY title) s
WHERE s.tenant_id = $1;

-- name: AssigneesAboveThePlatformAverage :many
-- The tenant's groups are compared with an average over every tenant in HAVING.
SELECT assignee, count(*) AS tasks
FROM tasks
WHERE tenant_id = $1
GROUP BY assignee
HAVING count(*) > (SELECT avg(estimate) FROM tasks);

-- name: BudgetPercentileOfAllTenants :one
-- An ordered-set aggregate over every tenant's budgets.
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY budget) FROM projects;

-- name: CountDistinctTenantsWithFlag :one
-- How many tenants turned a flag on: a count over tenants.
SELECT count(DISTINCT tenant_id) FROM feature_flags WHERE key = $1 AND enabled;
