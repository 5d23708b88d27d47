-- Statements that are safe but that the proof refuses: it fails closed where it would need more than it reads.
-- Each says how to write it so that it is proved. If the proof learns one of these, move it to safe/.

-- name: BlockerChainByCteTenant :many
-- The recursive step is bound by equality with the tenant_id carried by the bound anchor: safe by induction, but
-- the proof does not reason over the recursion's work table. Bind the recursive step with `t.tenant_id = $1`.
WITH RECURSIVE chain AS (
    SELECT id, tenant_id, blocked_by, title FROM tasks WHERE tenant_id = $1 AND id = $2
    UNION ALL
    SELECT t.id, t.tenant_id, t.blocked_by, t.title
    FROM tasks t
    JOIN chain c ON t.id = c.blocked_by AND t.tenant_id = c.tenant_id
)
SELECT id, title FROM chain;

-- name: MergeSyncFlagsOfTenant :execrows
-- Synchronises the tenant's flags with a list: NOT MATCHED BY SOURCE is restricted to the tenant's rows by
-- its AND condition, so other tenants' flags (which never match) are left alone. But the target is scanned
-- without the tenant condition (it must see the rows that match nothing), which the proof refuses. Write it as an
-- INSERT ... ON CONFLICT and a DELETE ... WHERE tenant_id = $1 AND key <> ALL ($2).
MERGE INTO feature_flags f
USING (SELECT unnest($2::text[]) AS key) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN NOT MATCHED BY TARGET THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), $1, s.key, true)
WHEN NOT MATCHED BY SOURCE AND f.tenant_id = $1 THEN DELETE;

-- name: SlugifyPureFunction :many
-- slugify reads no table, but its body is not in the plan the proof reads (the planner inlines it, and a later
-- migration could replace it): functions defined in the schema are refused. Compute it in the query instead.
SELECT id, slugify(name) AS slug FROM projects WHERE tenant_id = $1;

-- name: TwoTenantParameters :many
-- Binds each table with its own parameter: both would be the tenant, so dbkit asks for one.
SELECT t.id, p.name FROM tasks t JOIN projects p ON p.id = t.project_id
WHERE t.tenant_id = $1 AND p.tenant_id = $2;

-- name: UpsertMilestoneOfOwnProject :exec
-- Safe, but the proof looks for guards on the write's input only, not in a MERGE action's condition: write it as
-- an UPDATE and an INSERT ... SELECT ... WHERE EXISTS.
-- Both actions are guarded by EXISTS (a proved scan of projects with id = s.project_id) in their own WHEN ...
-- AND condition, the MERGE form of the guarded insert the proof accepts for INSERT ... SELECT ... WHERE EXISTS.
-- TenantProof.guarded only looks for guards on the ModifyTable's input plan (required()), not in a MERGE
-- action's qual (mergeActionLists[i].qual).
MERGE INTO milestones m
USING (VALUES ($2::uuid, $3::uuid, $4::text)) AS s(id, project_id, title)
ON m.tenant_id = $1 AND m.id = s.id
WHEN MATCHED AND EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id = $1 AND p.id = s.project_id) THEN
    UPDATE SET project_id = s.project_id, title = s.title
WHEN NOT MATCHED AND EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id = $1 AND p.id = s.project_id) THEN
    INSERT (id, tenant_id, project_id, title) VALUES (s.id, $1, s.project_id, s.title);
