-- name: GetFeatureFlag :one
SELECT * FROM feature_flags
WHERE tenant_id = $1 AND feature_key = $2;

-- name: ListFeatureFlags :many
SELECT * FROM feature_flags
WHERE tenant_id = $1
ORDER BY feature_key;

-- name: UpsertFeatureFlag :one
INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata)
VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, feature_key)
DO UPDATE SET is_enabled = $3, metadata = $4
RETURNING *;

-- name: DeleteFeatureFlag :exec
DELETE FROM feature_flags
WHERE id = $1 AND tenant_id = $2;
