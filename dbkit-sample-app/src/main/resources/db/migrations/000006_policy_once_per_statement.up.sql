-- The policy reads its settings once per statement (scalar subqueries become init plans) rather than once per row:
-- the same rule, at the cost of one uuid comparison per row (docs/benchmarks.md, row-level security).
DROP POLICY tenant_isolation ON feature_flags;
CREATE POLICY tenant_isolation ON feature_flags
    USING (tenant_id = (SELECT nullif(current_setting('dbkit.tenant_id', true), '')::uuid)
        OR (SELECT current_setting('dbkit.cross_tenant', true) = 'on'))
    WITH CHECK (tenant_id = (SELECT nullif(current_setting('dbkit.tenant_id', true), '')::uuid)
        OR (SELECT current_setting('dbkit.cross_tenant', true) = 'on'));
