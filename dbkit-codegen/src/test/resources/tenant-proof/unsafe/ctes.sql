-- CTEs (plain, chained, recursive) that read other tenants' rows.

-- name: UnscopedCteJoinedToScopedScan :many
-- The CTE aggregates every tenant's tasks, the main query joins it to the tenant's tasks.
WITH everyone AS (SELECT assignee, count(*) AS n FROM tasks GROUP BY assignee)
SELECT t.id, e.n
FROM tasks t
JOIN everyone e ON e.assignee = t.assignee
WHERE t.tenant_id = $1;

-- name: CteUsedTwiceScopedOnce :many
-- The CTE is read twice: only the first reference is filtered, the second follows blocked_by into any tenant.
WITH x AS (SELECT id, tenant_id, blocked_by, title FROM tasks)
SELECT a.id, b.title AS blocker
FROM x a
JOIN x b ON b.id = a.blocked_by
WHERE a.tenant_id = $1;

-- name: CteShadowsTableName :many
-- A CTE named tasks shadows the table and renames project_id to tenant_id:
-- "tenant_id = $1" filters on the project, and the caller passes any project id.
WITH tasks AS (SELECT id, project_id AS tenant_id, title FROM public.tasks)
SELECT id, title FROM tasks WHERE tenant_id = $1;

-- name: CteColumnListSwapsTenant :many
-- The CTE column list swaps the names of tenant_id and project_id.
WITH x (id, project_id, tenant_id) AS (SELECT id, tenant_id, project_id FROM tasks)
SELECT id FROM x WHERE tenant_id = $1;

-- name: CteChainLaterStepUnscoped :many
-- The first CTE is scoped, the second joins back to tasks through blocked_by without binding the tenant.
WITH mine AS (SELECT id FROM tasks WHERE tenant_id = $1),
     blocked AS (SELECT t.id, t.title FROM tasks t JOIN mine ON mine.id = t.blocked_by)
SELECT id, title FROM blocked;

-- name: CteScopesOnlyTheReferencedSide :many
-- The CTE holds the tenant's projects, the milestones joined to it are not bound
-- (other tenants' milestones pointing at them through the unsafe foreign key).
WITH mine AS (SELECT id FROM projects WHERE tenant_id = $1)
SELECT m.id, m.title
FROM milestones m
JOIN mine ON mine.id = m.project_id;

-- name: RecursiveCteFollowsBlockedBy :many
-- The anchor is scoped, the recursive step follows blocked_by into any tenant.
WITH RECURSIVE chain AS (
    SELECT id, blocked_by, title FROM tasks WHERE tenant_id = $1 AND id = $2
    UNION ALL
    SELECT t.id, t.blocked_by, t.title FROM tasks t JOIN chain c ON t.id = c.blocked_by
)
SELECT id, title FROM chain;

-- name: RecursiveCteAnchorUnscoped :many
-- The recursive step keeps the tenant of the previous row, but the anchor starts at any task by id.
WITH RECURSIVE chain AS (
    SELECT id, tenant_id, blocked_by, title FROM tasks WHERE id = $1
    UNION ALL
    SELECT t.id, t.tenant_id, t.blocked_by, t.title
    FROM tasks t JOIN chain c ON t.id = c.blocked_by AND t.tenant_id = c.tenant_id
)
SELECT id, title FROM chain;

-- name: RecursiveCteFilteredOutside :many
-- The whole recursion runs over every tenant and is filtered afterwards:
-- which of the tenant's tasks appear depends on the chains through other tenants' tasks.
WITH RECURSIVE chain AS (
    SELECT id, tenant_id, blocked_by FROM tasks WHERE blocked_by IS NULL
    UNION ALL
    SELECT t.id, t.tenant_id, t.blocked_by FROM tasks t JOIN chain c ON t.blocked_by = c.id
)
SELECT id FROM chain WHERE tenant_id = $1;

-- name: RecursiveCteSearchCycleUnscoped :many
-- SEARCH and CYCLE clauses do not change the scope: the recursive step reads every tenant.
WITH RECURSIVE chain AS (
    SELECT id, blocked_by FROM tasks WHERE tenant_id = $1 AND id = $2
    UNION ALL
    SELECT t.id, t.blocked_by FROM tasks t JOIN chain c ON t.id = c.blocked_by
) SEARCH DEPTH FIRST BY id SET ordering
  CYCLE id SET is_cycle USING path
SELECT id, is_cycle FROM chain ORDER BY ordering;
