CREATE TABLE notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    body text NOT NULL
);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notes
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid);
-- a migration's data fix: the owner is bound by the policy too, so it says which tenant it writes for
SELECT set_config('dbkit.tenant_id', '00000000-0000-0000-0000-00000000000a', true);
INSERT INTO notes (tenant_id, body) VALUES ('00000000-0000-0000-0000-00000000000a', 'seeded for A');
