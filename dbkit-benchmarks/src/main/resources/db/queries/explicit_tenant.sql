-- The seed's queries with the tenant as an ordinary parameter, to measure what injecting it from TenantContext
-- costs.

-- name: GetFeatureFlagExplicit :one
-- dbkit:cross-tenant
SELECT * FROM feature_flags
WHERE tenant_id = $1 AND feature_key = $2;

-- name: ListFeatureFlagsExplicit :many
-- dbkit:cross-tenant
SELECT * FROM feature_flags
WHERE tenant_id = $1
ORDER BY feature_key;

-- name: UpsertFeatureFlagExplicit :one
-- dbkit:cross-tenant
INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata)
VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, feature_key)
DO UPDATE SET is_enabled = $3, metadata = $4
RETURNING *;

-- name: DeleteFeatureFlagExplicit :exec
-- dbkit:cross-tenant
DELETE FROM feature_flags
WHERE id = $1 AND tenant_id = $2;
