-- Round 7: a foreign key "with tenant_id" whose tenant column is compared with bpchar's = (the referenced unique
-- index uses bpchar_ops): 'acme ' and 'acme' are one tenant to it, and a task can point at another tenant's project.
CREATE TABLE projects (
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    id         BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at TIMESTAMPTZ
);
-- before the primary key: the foreign key below takes the first unique index that fits
CREATE UNIQUE INDEX projects_padded ON projects (tenant_id bpchar_ops, id);
ALTER TABLE projects ADD PRIMARY KEY (tenant_id, id);
CREATE TRIGGER set_updated_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON projects
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::text)
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::text);

CREATE TABLE tasks (
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    id         BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
CREATE INDEX tasks_project ON tasks (tenant_id, project_id);
CREATE TRIGGER set_updated_at BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tasks
    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::text)
    WITH CHECK (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::text);
