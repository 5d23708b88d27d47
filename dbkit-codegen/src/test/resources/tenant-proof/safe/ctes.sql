-- CTE chains where each CTE reads the tenant's rows only.

-- name: OpenTasksViaCteChain :many
-- The first CTE is bound, the second reads only the first.
WITH mine AS (SELECT id, title, done, project_id FROM tasks WHERE tenant_id = $1),
     open AS (SELECT id, title, project_id FROM mine WHERE NOT done)
SELECT id, title FROM open WHERE project_id = $2;

-- name: ProjectTaskSummaryCte :many
-- Two bound CTEs joined together.
WITH p AS (SELECT id, name FROM projects WHERE tenant_id = $1),
     t AS (SELECT project_id, count(*) AS n FROM tasks WHERE tenant_id = $1 GROUP BY project_id)
SELECT p.name, coalesce(t.n, 0) AS tasks
FROM p
LEFT JOIN t ON t.project_id = p.id
ORDER BY p.name;

-- name: BlockerChainWithinTenant :many
-- A recursive CTE whose anchor and recursive step are both bound to the parameter.
WITH RECURSIVE chain AS (
    SELECT id, blocked_by, title, 1 AS depth FROM tasks WHERE tenant_id = $1 AND id = $2
    UNION ALL
    SELECT t.id, t.blocked_by, t.title, c.depth + 1
    FROM tasks t
    JOIN chain c ON t.id = c.blocked_by
    WHERE t.tenant_id = $1 AND c.depth < 20
)
SELECT id, title, depth FROM chain;

-- name: MaterializedScopedCte :many
-- A materialized CTE with the filter inside.
WITH mine AS MATERIALIZED (SELECT id, title, estimate FROM tasks WHERE tenant_id = $1 AND NOT done)
SELECT id, title FROM mine WHERE estimate > $2 ORDER BY estimate DESC;
