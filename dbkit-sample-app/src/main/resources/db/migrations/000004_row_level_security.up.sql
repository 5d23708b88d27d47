-- The database holds the line too: PostgreSQL refuses another tenant's feature flags to any SQL, not only to the
-- generated queries, when the application runs as a role that does not own the table (see the README's
-- "Row-level security"). The generated calls set dbkit.tenant_id (rowLevelSecurity in the pom).
ALTER TABLE feature_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE feature_flags FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON feature_flags
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid
        OR current_setting('dbkit.cross_tenant', true) = 'on')
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid
        OR current_setting('dbkit.cross_tenant', true) = 'on');
