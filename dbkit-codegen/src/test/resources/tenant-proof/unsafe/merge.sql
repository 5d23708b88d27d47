-- MERGE whose target rows, source rows or inserted tenant are not bound to the tenant.

-- name: MergeNotMatchedBySourceDelete :execrows
-- The ON clause binds the tenant, but WHEN NOT MATCHED BY SOURCE applies to every target row without a match:
-- every other tenant's flags are deleted.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key, $3::boolean AS enabled) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN MATCHED THEN UPDATE SET enabled = s.enabled
WHEN NOT MATCHED BY SOURCE THEN DELETE;

-- name: MergeNotMatchedBySourceUpdate :execrows
-- The same with an UPDATE: every other tenant's flags are switched off.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET enabled = false;

-- name: MergeOnWithoutTenant :execrows
-- The ON clause matches on the key only: another tenant's flag with that key is updated.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key, $3::boolean AS enabled) s
ON f.key = s.key
WHEN MATCHED THEN UPDATE SET enabled = s.enabled
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), $1, s.key, s.enabled);

-- name: MergeTenantOnlyInWhenClause :execrows
-- The tenant is tested in WHEN MATCHED AND ... only: when another tenant has the key, the row is matched,
-- nothing is inserted, and the silence tells that the key exists elsewhere.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key, $3::boolean AS enabled) s
ON f.key = s.key
WHEN MATCHED AND f.tenant_id = $1 THEN UPDATE SET enabled = s.enabled
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), $1, s.key, s.enabled);

-- name: MergeOnTenantOrEnabled :execrows
-- The ON clause ORs the tenant condition with another one.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key) s
ON (f.tenant_id = $1 OR f.enabled) AND f.key = s.key
WHEN MATCHED THEN DELETE;

-- name: MergeOnFakeEquality :execrows
-- The ON clause uses the always-true === operator.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key) s
ON f.tenant_id === $1 AND f.key = s.key
WHEN MATCHED THEN DELETE;

-- name: MergeUpdateSetsTenant :execrows
-- WHEN MATCHED THEN UPDATE SET tenant_id moves the flag to a caller-chosen tenant.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN MATCHED THEN UPDATE SET tenant_id = $3;

-- name: MergeInsertConstantTenant :execrows
-- WHEN NOT MATCHED THEN INSERT writes a constant tenant.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000000', s.key);

-- name: MergeInsertDefaultTenant :execrows
-- WHEN NOT MATCHED THEN INSERT leaves tenant_id to its default.
MERGE INTO audit_events a
USING (SELECT $2::bigint AS id, $3::text AS action) s
ON a.tenant_id = $1 AND a.id = s.id
WHEN NOT MATCHED THEN INSERT (action) VALUES (s.action);

-- name: MergeInsertParameterNotTenant :execrows
-- The ON clause binds $1, the INSERT writes a different parameter $4 into tenant_id.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key, $3::boolean AS enabled) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN MATCHED THEN UPDATE SET enabled = s.enabled
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), $4, s.key, s.enabled);

-- name: MergeInsertTenantFromSourceColumn :execrows
-- The source is the global tenants table: a flag is inserted for every tenant that lacks it
-- (and the target is matched on te.id, not on the tenant parameter).
MERGE INTO feature_flags f
USING tenants te
ON f.tenant_id = te.id AND f.key = $1
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), te.id, $1, true);

-- name: MergeSourceUnscoped :execrows
-- The target is scoped, the source is any tenant's task: its title is copied.
MERGE INTO tasks d
USING tasks s
ON d.tenant_id = $1 AND d.id = $2 AND s.id = $3
WHEN MATCHED THEN UPDATE SET title = s.title;

-- name: MergeTargetJoinedOnBlockedBy :execrows
-- The source is the tenant's tasks, the target is matched through blocked_by: other tenants' tasks
-- blocked by the tenant's are updated.
MERGE INTO tasks d
USING (SELECT id FROM tasks WHERE tenant_id = $1 AND done) s
ON d.blocked_by = s.id
WHEN MATCHED THEN UPDATE SET blocked_by = NULL;

-- name: MergeReturningPlatformCount :many
-- The MERGE is scoped, its RETURNING clause counts every tenant's flags.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN MATCHED THEN UPDATE SET enabled = NOT f.enabled
RETURNING f.id, (SELECT count(*) FROM feature_flags) AS platform_total;

-- name: MergeIntoHidingView :execrows
-- MERGE into task_titles, an updatable view without tenant_id.
MERGE INTO task_titles v
USING (SELECT $1::uuid AS id, $2::text AS title) s
ON v.id = s.id
WHEN MATCHED THEN UPDATE SET title = s.title;
