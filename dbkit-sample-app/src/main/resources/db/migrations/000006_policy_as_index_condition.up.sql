-- The policy becomes one comparison of tenant_id with a value fixed for the statement, which PostgreSQL uses as an
-- index condition (evaluated once per scan, not once per row). Cross-tenant calls no longer need a clause in it:
-- they take the dbkit_platform role (BYPASSRLS) for their transaction (README, "Row-level security").
DROP POLICY tenant_isolation ON feature_flags;
CREATE POLICY tenant_isolation ON feature_flags
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid);
