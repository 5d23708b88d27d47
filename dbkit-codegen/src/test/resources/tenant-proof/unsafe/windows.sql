-- A window function, LIMIT, OFFSET or DISTINCT ON inside a subquery or CTE, with the tenant filter outside:
-- PostgreSQL cannot push the filter below them, so the result depends on other tenants' rows.

-- name: RowNumberOverAllTenants :many
-- The position is computed over every tenant's tasks before the filter: it reveals how many tasks others have.
SELECT s.id, s.position
FROM (SELECT id, tenant_id, row_number() OVER (ORDER BY id) AS position FROM tasks) s
WHERE s.tenant_id = $1;

-- name: CountOverEmptyWindow :many
-- count(*) OVER () is the platform total, repeated on each of the tenant's rows.
SELECT s.id, s.total
FROM (SELECT id, tenant_id, count(*) OVER () AS total FROM tasks) s
WHERE s.tenant_id = $1;

-- name: CountOverAssigneePartition :many
-- The partition is the assignee, not the tenant: the count includes other tenants' tasks of that person.
SELECT s.id, s.same_assignee
FROM (SELECT id, tenant_id, count(*) OVER (PARTITION BY assignee) AS same_assignee FROM tasks) s
WHERE s.tenant_id = $1;

-- name: LagAcrossTenants :many
-- lag() returns the title of the previous task in id order, which may belong to another tenant.
SELECT s.id, s.previous_title
FROM (SELECT id, tenant_id, lag(title) OVER (ORDER BY id) AS previous_title FROM tasks) s
WHERE s.tenant_id = $1;

-- name: RankInCteFilteredOutside :many
-- The same leak through a CTE: the rank is computed over every tenant.
WITH ranked AS (SELECT id, tenant_id, rank() OVER (ORDER BY estimate DESC) AS place FROM tasks)
SELECT id, place FROM ranked WHERE tenant_id = $1;

-- name: LimitInsideSubquery :many
-- The first 50 tasks of the platform, then the tenant's among them: how many survive depends on other tenants.
SELECT s.id, s.title
FROM (SELECT id, tenant_id, title FROM tasks ORDER BY id LIMIT 50) s
WHERE s.tenant_id = $1;

-- name: OffsetInsideSubquery :many
-- OFFSET skips rows of every tenant before the filter.
SELECT s.id, s.title
FROM (SELECT id, tenant_id, title FROM tasks ORDER BY id OFFSET 100) s
WHERE s.tenant_id = $1;

-- name: FetchFirstWithTiesInCte :many
-- FETCH FIRST ... WITH TIES in a CTE: the platform's top estimates, then the tenant's among them.
WITH top AS (SELECT id, tenant_id, estimate FROM tasks ORDER BY estimate DESC FETCH FIRST 10 ROWS WITH TIES)
SELECT id, estimate FROM top WHERE tenant_id = $1;

-- name: DistinctOnAcrossTenants :many
-- DISTINCT ON (title) keeps one task per title over every tenant:
-- another tenant's task with a smaller id hides the current tenant's.
SELECT s.id, s.title
FROM (SELECT DISTINCT ON (title) id, tenant_id, title FROM tasks ORDER BY title, id) s
WHERE s.tenant_id = $1;

-- name: ErrorOracleInMaterializedCte :many
-- The materialized CTE evaluates 100 / estimate on every tenant's rows before the filter:
-- a division-by-zero error tells whether any tenant has a task with estimate 0.
WITH ratios AS MATERIALIZED (SELECT id, tenant_id, 100 / estimate AS ratio FROM tasks)
SELECT id, ratio FROM ratios WHERE tenant_id = $1;
