-- Data-modifying CTE chains where every write binds the tenant.

-- name: CreateProjectWithFirstTask :one
-- Two inserts, both writing the tenant parameter, the second taking the project from the first.
WITH p AS (
    INSERT INTO projects (id, tenant_id, name) VALUES ($2, $1, $3) RETURNING id
)
INSERT INTO tasks (id, tenant_id, project_id, title)
SELECT $4, $1, p.id, $5 FROM p
RETURNING id;

-- name: CompleteTaskWithAudit :one
-- A scoped update and an audit event with the tenant written explicitly.
WITH done AS (
    UPDATE tasks SET done = true WHERE tenant_id = $1 AND id = $2 RETURNING id, title
)
INSERT INTO audit_events (tenant_id, action)
SELECT $1, 'completed ' || done.title FROM done
RETURNING id;

-- name: DeleteProjectTasksWithAudit :one
-- A scoped delete counted into an audit event of the tenant.
WITH gone AS (
    DELETE FROM tasks WHERE tenant_id = $1 AND project_id = $2 RETURNING id
)
INSERT INTO audit_events (tenant_id, action)
SELECT $1, 'deleted ' || count(*) || ' tasks' FROM gone
RETURNING id;

-- name: ArchiveProjectAndDropMilestones :one
-- A scoped update and a scoped delete, both bound to the parameter.
WITH archived AS (
    UPDATE projects SET status = 'archived' WHERE tenant_id = $1 AND id = $2 RETURNING id
), dropped AS (
    DELETE FROM milestones m USING archived a WHERE m.tenant_id = $1 AND m.project_id = a.id RETURNING m.id
)
SELECT count(*) FROM dropped;

-- name: RenameFlagKey :one
-- Deletes the tenant's flag and re-inserts it under a new key with a tenant-safe upsert.
WITH old AS (
    DELETE FROM feature_flags WHERE tenant_id = $1 AND key = $2 RETURNING enabled, metadata
)
INSERT INTO feature_flags (id, tenant_id, key, enabled, metadata)
SELECT gen_random_uuid(), $1, $3, old.enabled, old.metadata FROM old
ON CONFLICT (tenant_id, key) DO UPDATE SET enabled = excluded.enabled, metadata = excluded.metadata
RETURNING id;
