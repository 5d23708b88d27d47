-- Policies that mention dbkit.tenant_id but do not hold the line (attack round 6): verify accepts only dbkit's own
-- condition, in USING and WITH CHECK.

-- No tenant set: coalesce makes the condition tenant_id = tenant_id, every row.
CREATE TABLE open_notes (
    tenant_id  UUID NOT NULL REFERENCES tenants(id),
    id         UUID NOT NULL DEFAULT gen_random_uuid(),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, id)
);
CREATE TRIGGER set_updated_at BEFORE UPDATE ON open_notes FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
ALTER TABLE open_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE open_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON open_notes
    USING (tenant_id = coalesce(nullif(current_setting('dbkit.tenant_id', true), '')::uuid, tenant_id))
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid);

-- WITH CHECK that any tenant is set: a tenant writes rows into another.
CREATE TABLE planted_notes (
    tenant_id  UUID NOT NULL REFERENCES tenants(id),
    id         UUID NOT NULL DEFAULT gen_random_uuid(),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, id)
);
CREATE TRIGGER set_updated_at BEFORE UPDATE ON planted_notes FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
ALTER TABLE planted_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE planted_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON planted_notes
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid)
    WITH CHECK (nullif(current_setting('dbkit.tenant_id', true), '') IS NOT NULL);

-- A rule on a table owned by a role that bypasses row-level security: it runs as that role.
CREATE TABLE pings (
    id         INT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE pings IS 'dbkit:global';
CREATE TRIGGER set_updated_at BEFORE UPDATE ON pings FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE RULE leak AS ON INSERT TO pings DO INSTEAD SELECT tenant_id, id FROM open_notes;
ALTER TABLE pings OWNER TO verify_bypass;

-- A platform-global parent of a tenant-scoped child: reads through the parent get the parent's policies (none).
CREATE TABLE events (
    id         INT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE events IS 'dbkit:global';
CREATE TRIGGER set_updated_at BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TABLE tenant_events (
    tenant_id  UUID NOT NULL REFERENCES tenants(id),
    deleted_at TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, id)
) INHERITS (events);
CREATE TRIGGER set_updated_at BEFORE UPDATE ON tenant_events FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
ALTER TABLE tenant_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_events
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid);

