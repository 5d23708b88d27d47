CREATE TABLE notes (
    id        UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    body      TEXT NOT NULL
);
CREATE INDEX idx_notes_tenant ON notes(tenant_id);
