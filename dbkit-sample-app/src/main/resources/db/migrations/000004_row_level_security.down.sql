DROP POLICY tenant_isolation ON feature_flags;
ALTER TABLE feature_flags NO FORCE ROW LEVEL SECURITY;
ALTER TABLE feature_flags DISABLE ROW LEVEL SECURITY;
