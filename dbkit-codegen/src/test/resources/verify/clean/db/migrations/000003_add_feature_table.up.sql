-- Add feature_flags table for tenant-level feature toggles
CREATE TABLE IF NOT EXISTS feature_flags (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   UUID NOT NULL REFERENCES tenants(id),
    feature_key VARCHAR(100) NOT NULL,
    is_enabled  BOOLEAN NOT NULL DEFAULT false,
    metadata    JSONB DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),

    UNIQUE (tenant_id, feature_key)
);

-- Index for tenant lookups
CREATE INDEX idx_feature_flags_tenant ON feature_flags(tenant_id);

-- Auto-update trigger
CREATE TRIGGER set_updated_at
    BEFORE UPDATE ON feature_flags
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_at_column();
