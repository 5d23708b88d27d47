-- Upserts whose conflict target is a unique index with tenant_id as a key column, or whose DO UPDATE is
-- guarded by the target table's tenant_id.

-- name: UpsertFeatureFlag :one
-- ON CONFLICT (tenant_id, key): the conflicting row is the tenant's.
INSERT INTO feature_flags (id, tenant_id, key, enabled) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, key) DO UPDATE SET enabled = excluded.enabled
RETURNING id, enabled;

-- name: UpsertFeatureFlagOnConstraint :exec
-- The same target named by its constraint.
INSERT INTO feature_flags (id, tenant_id, key, enabled) VALUES ($1, $2, $3, $4)
ON CONFLICT ON CONSTRAINT feature_flags_tenant_id_key_key DO UPDATE SET enabled = excluded.enabled;

-- name: UpsertFlagMergingMetadata :exec
-- DO UPDATE combining the existing and the new value.
INSERT INTO feature_flags (id, tenant_id, key, metadata) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, key) DO UPDATE SET metadata = feature_flags.metadata || excluded.metadata;

-- name: UpsertProjectByName :one
-- ON CONFLICT (tenant_id, name).
INSERT INTO projects (id, tenant_id, name, budget) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, name) DO UPDATE SET budget = excluded.budget
RETURNING id;

-- name: UpsertTaskOnTenantAndId :exec
-- ON CONFLICT (tenant_id, id): the unique (tenant_id, id) index.
INSERT INTO tasks (id, tenant_id, project_id, title) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title;

-- name: UpsertTaskOnIdGuardedByTenant :exec
-- ON CONFLICT (id) with DO UPDATE ... WHERE tasks.tenant_id = $2: another tenant's row is left alone.
INSERT INTO tasks (id, tenant_id, project_id, title) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE tasks.tenant_id = $2;

-- name: InsertFlagDoNothingOnKey :exec
-- DO NOTHING on the tenant-safe target.
INSERT INTO feature_flags (id, tenant_id, key) VALUES ($1, $2, $3)
ON CONFLICT (tenant_id, key) DO NOTHING;

-- name: UpsertFlagRestatingTenant :one
-- DO UPDATE SET tenant_id = excluded.tenant_id writes the row's own (the tenant's) value back.
INSERT INTO feature_flags (id, tenant_id, key, enabled) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, key) DO UPDATE SET tenant_id = excluded.tenant_id, enabled = excluded.enabled
RETURNING id, enabled;
