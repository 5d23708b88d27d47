DROP POLICY tenant_isolation ON feature_flags;
CREATE POLICY tenant_isolation ON feature_flags
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid
        OR current_setting('dbkit.cross_tenant', true) = 'on')
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid
        OR current_setting('dbkit.cross_tenant', true) = 'on');
