-- Tenant ids as bigint (the plugin's tenantIdType=long): TenantContext holds a long.
CREATE TABLE tenants (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE notes (
    id        BIGINT GENERATED ALWAYS AS IDENTITY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
