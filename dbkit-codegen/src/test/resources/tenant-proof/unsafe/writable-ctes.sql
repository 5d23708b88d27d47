-- Data-modifying CTEs: every write of the statement must be scoped, not only the first or the main one.

-- name: CteSecondInsertUsesDefaultTenant :one
-- The first insert binds the tenant, the second (an audit event) relies on the column default.
WITH flag AS (
    INSERT INTO feature_flags (id, tenant_id, key) VALUES ($1, $2, $3) RETURNING id
), audit AS (
    INSERT INTO audit_events (action) VALUES ('flag created') RETURNING id
)
SELECT flag.id FROM flag;

-- name: CteUnreferencedDelete :many
-- A data-modifying CTE runs even when nothing references it: any tenant's task is deleted.
WITH gone AS (DELETE FROM tasks WHERE id = $2)
SELECT id, name FROM projects WHERE tenant_id = $1;

-- name: CteUpdateMovesRows :one
-- The CTE's UPDATE moves the tenant's task to a caller-chosen tenant.
WITH moved AS (UPDATE feature_flags SET tenant_id = $2 WHERE tenant_id = $1 AND key = $3 RETURNING id)
SELECT count(*) FROM moved;

-- name: CteUpdateUnscopedJoinedToScopedRead :many
-- The result is joined to the tenant's flags, but the UPDATE itself switches the key off in every tenant.
WITH switched AS (UPDATE feature_flags SET enabled = false WHERE key = $2 RETURNING id)
SELECT f.key
FROM feature_flags f
JOIN switched ON switched.id = f.id
WHERE f.tenant_id = $1;

-- name: CteDeleteReinsertIntoOtherTenant :exec
-- Deletes the tenant's flag and re-inserts it into a tenant chosen by name.
WITH old AS (DELETE FROM feature_flags WHERE tenant_id = $1 AND key = $2 RETURNING id, key, enabled)
INSERT INTO feature_flags (id, tenant_id, key, enabled)
SELECT old.id, te.id, old.key, old.enabled FROM old CROSS JOIN tenants te WHERE te.name = $3;

-- name: CteUnscopedReadFeedsInsert :exec
-- The insert binds the tenant, but copies titles read from every tenant's tasks.
WITH src AS (SELECT title FROM tasks WHERE assignee = $2)
INSERT INTO tasks (id, tenant_id, project_id, title)
SELECT gen_random_uuid(), $1, $3, src.title FROM src;

-- name: CteSecondUpsertOnId :one
-- The first upsert is tenant-safe, the second's conflict target is the id only.
WITH flag AS (
    INSERT INTO feature_flags (id, tenant_id, key, enabled) VALUES ($1, $2, $3, $4)
    ON CONFLICT (tenant_id, key) DO UPDATE SET enabled = excluded.enabled
    RETURNING id
), task AS (
    INSERT INTO tasks (id, tenant_id, project_id, title) VALUES ($5, $2, $6, $7)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title
    RETURNING id
)
SELECT flag.id FROM flag;

-- name: CteMergeOnKeyOnly :one
-- A MERGE in a CTE whose ON clause matches the key of every tenant.
WITH removed AS (
    MERGE INTO feature_flags f
    USING (SELECT $2::text AS key) s
    ON f.key = s.key
    WHEN MATCHED THEN DELETE
    RETURNING f.id
)
SELECT count(*) FROM removed, projects p WHERE p.tenant_id = $1 AND p.id = $3;

-- name: CteDeleteCascadesThroughUnsafeReference :execrows
-- Deletes the tenant's task, then every task (of any tenant) whose blocked_by points at it.
WITH gone AS (DELETE FROM tasks WHERE tenant_id = $1 AND id = $2 RETURNING id)
DELETE FROM tasks t USING gone WHERE t.blocked_by = gone.id;

-- name: CteInsertSecondRowUnbound :exec
-- The main insert binds the tenant, the CTE's insert writes a constant tenant.
WITH extra AS (
    INSERT INTO projects (id, tenant_id, name) VALUES ($4, '00000000-0000-0000-0000-000000000000', $3) RETURNING id
)
INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, $3);
