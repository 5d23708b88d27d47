-- Recursive CTEs whose recursive step produces a value the anchor does not: the value of a column of a
-- RecursiveUnion is what either side produces, not only its first (left) side.

-- name: RecursiveStepSwapsTenantInInitPlan :many
-- ACCEPTED BY CURRENT CODE?
-- The anchor yields the tenant parameter $1, the recursive step yields $2: the scalar subquery picks the last
-- row, so tasks is read with tenant_id = $2 (another tenant). The proof follows the CTE's tid only into the
-- RecursiveUnion's left (non-recursive) plan.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT $2::uuid, r.n + 1 FROM r WHERE r.n < 1
)
SELECT id, title FROM tasks WHERE tenant_id = (SELECT tid FROM r ORDER BY n DESC LIMIT 1);

-- name: RecursiveStepWalksEveryTenant :many
-- ACCEPTED BY CURRENT CODE?
-- The recursive step adds every tenant's id (from the global tenants table), and a LATERAL subquery reads the
-- tasks of each: every tenant's tasks, with $1 bound as if it were the only one.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT te.id, r.n + 1 FROM r CROSS JOIN tenants te WHERE r.n < 1
)
SELECT x.tenant_id, x.title
FROM r
CROSS JOIN LATERAL (SELECT tenant_id, title FROM tasks WHERE tenant_id = r.tid LIMIT 1000) x;

-- name: RecursiveStepTenantByName :many
-- ACCEPTED BY CURRENT CODE?
-- The recursive step looks another tenant up by name in the global tenants table and reads its flags.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT te.id, r.n + 1 FROM r JOIN tenants te ON te.name = $2 WHERE r.n < 1
)
SELECT key, enabled, metadata FROM feature_flags WHERE tenant_id = (SELECT tid FROM r ORDER BY n DESC LIMIT 1);

-- name: RecursiveStepPlantsFlagInOtherTenant :exec
-- ACCEPTED BY CURRENT CODE?
-- INSERT ... SELECT from the recursive CTE: one flag for the tenant, and one for tenant $2.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT $2::uuid, r.n + 1 FROM r WHERE r.n < 1
)
INSERT INTO feature_flags (id, tenant_id, key)
SELECT gen_random_uuid(), r.tid, $3 FROM r;

-- name: RecursiveStepMovesFlag :execrows
-- ACCEPTED BY CURRENT CODE?
-- The tenant's flag is moved into tenant $2: SET tenant_id takes the recursive step's value.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT $2::uuid, r.n + 1 FROM r WHERE r.n < 1
)
UPDATE feature_flags SET tenant_id = (SELECT tid FROM r ORDER BY n DESC LIMIT 1)
WHERE tenant_id = $1 AND key = $3;

-- name: RecursiveStepDeletesOtherTenantsFlag :execrows
-- ACCEPTED BY CURRENT CODE?
-- Deletes the flags of tenant $2.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT $2::uuid, r.n + 1 FROM r WHERE r.n < 1
)
DELETE FROM feature_flags WHERE tenant_id = (SELECT tid FROM r ORDER BY n DESC LIMIT 1) AND key = $3;

-- name: RecursiveStepWritesOtherProjectReference :exec
-- ACCEPTED BY CURRENT CODE?
-- The anchor takes the project from a bound scan of projects, the recursive step adds project $3 (another
-- tenant's): a milestone of the tenant on another tenant's project through the unsafe foreign key.
WITH RECURSIVE r (pid, n) AS (
    SELECT p.id, 0 FROM projects p WHERE p.tenant_id = $1 AND p.id = $2
    UNION ALL
    SELECT $3::uuid, r.n + 1 FROM r WHERE r.n < 1
)
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT gen_random_uuid(), $1, r.pid, $4 FROM r;

-- name: RecursiveStepSearchBreadthFirst :many
-- ACCEPTED BY CURRENT CODE?
-- The same swap with a SEARCH clause (an extra ordering column does not change where the value comes from).
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT $2::uuid, r.n + 1 FROM r WHERE r.n < 1
) SEARCH BREADTH FIRST BY tid SET ord
SELECT key, metadata FROM feature_flags WHERE tenant_id = (SELECT tid FROM r ORDER BY ord DESC LIMIT 1);

-- name: RecursiveStepTenantJoinedByHash :many
-- The recursive step adds every tenant, joined to tasks by a plain join: the tasks scan has no tenant
-- condition of its own (a hash join), which the proof already refuses.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT te.id, r.n + 1 FROM r CROSS JOIN tenants te WHERE r.n < 1
)
SELECT t.title FROM r JOIN tasks t ON t.tenant_id = r.tid;

-- name: RecursiveStepReadsUnboundScan :many
-- The recursive step reads the tenant of any task by id: that scan is not bound, which the proof refuses.
WITH RECURSIVE r (tid, n) AS (
    SELECT $1::uuid, 0
    UNION ALL
    SELECT t.tenant_id, r.n + 1 FROM r JOIN tasks t ON t.id = $2 WHERE r.n < 1
)
SELECT x.title FROM tasks x WHERE x.tenant_id = (SELECT tid FROM r ORDER BY n DESC LIMIT 1);
