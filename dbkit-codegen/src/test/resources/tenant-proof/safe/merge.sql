-- MERGE whose target is bound in its ON clause, whose source is bound, and whose INSERT writes the tenant.

-- name: MergeFeatureFlag :execrows
-- An upsert written as MERGE: the ON clause binds the target, the insert writes the same parameter.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key, $3::boolean AS enabled) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN MATCHED THEN UPDATE SET enabled = s.enabled
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), $1, s.key, s.enabled);

-- name: MergeCopyFlagFromScopedSource :execrows
-- The source is a bound scan of the tenant's flags.
MERGE INTO feature_flags f
USING (SELECT key, enabled FROM feature_flags WHERE tenant_id = $1 AND key = $2) s
ON f.tenant_id = $1 AND f.key = $3
WHEN MATCHED THEN UPDATE SET enabled = s.enabled
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), $1, $3, s.enabled);

-- name: MergeCompleteTasks :execrows
-- The source is an unnest of ids, the target is bound in the ON clause.
MERGE INTO tasks t
USING (SELECT unnest($2::uuid[]) AS id) s
ON t.tenant_id = $1 AND t.id = s.id
WHEN MATCHED THEN UPDATE SET done = true;

-- name: MergeDeleteFlag :execrows
-- WHEN MATCHED THEN DELETE on a bound target.
MERGE INTO feature_flags f
USING (SELECT $2::text AS key) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN MATCHED THEN DELETE;

-- name: MergeFeatureFlagReturning :many
-- MERGE ... RETURNING merge_action().
MERGE INTO feature_flags f
USING (SELECT $2::text AS key, $3::boolean AS enabled) s
ON f.tenant_id = $1 AND f.key = s.key
WHEN MATCHED THEN UPDATE SET enabled = s.enabled
WHEN NOT MATCHED THEN INSERT (id, tenant_id, key, enabled) VALUES (gen_random_uuid(), $1, s.key, s.enabled)
RETURNING merge_action() AS action, f.id;
