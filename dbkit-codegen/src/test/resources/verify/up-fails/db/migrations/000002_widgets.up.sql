CREATE TABLE widgets (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenantz(id)
);
