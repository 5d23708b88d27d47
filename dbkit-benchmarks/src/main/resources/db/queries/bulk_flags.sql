-- Bulk loads of the seed's table, for BulkWriteComparison.

-- name: AddFlags :copyfrom
INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) VALUES ($1, $2, $3, $4);

-- name: AddFlagsBatch :batchexec
INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) VALUES ($1, $2, $3, $4);
