-- A small multi-tenant schema shared by the golden cases.
CREATE TABLE tenants (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE countries (
    code CHAR(2) PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TYPE project_status AS ENUM ('active', 'on_hold', 'archived');

CREATE TABLE projects (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   UUID NOT NULL REFERENCES tenants(id),
    name        TEXT NOT NULL,
    status      project_status NOT NULL DEFAULT 'active',
    budget      NUMERIC(12, 2),
    starts_on   DATE,
    due_on      DATE,
    tags        TEXT[] NOT NULL DEFAULT '{}',
    priority    INT4 NOT NULL DEFAULT 0,
    score       FLOAT8,
    views       INT8 NOT NULL DEFAULT 0,
    archived    BOOLEAN,
    logo        BYTEA,
    settings    JSONB NOT NULL DEFAULT '{}',
    reviewed_at TIMESTAMP,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, id)
);

CREATE TABLE tasks (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  UUID NOT NULL REFERENCES tenants(id),
    project_id UUID,
    title      TEXT NOT NULL,
    done       BOOLEAN NOT NULL DEFAULT false,
    assignee   TEXT,
    estimate   INT4,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- tenant-safe: the database refuses a project of another tenant
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);

-- tenant lookups (the checklist's tenant index): the tenant condition runs first, as an index condition
CREATE INDEX idx_tasks_tenant ON tasks(tenant_id);

-- a global table with columns of types read as PostgreSQL's text (bit strings, ranges) and one of a composite type,
-- which has no Java mapping
CREATE TYPE rgb AS (r int, g int, b int);
CREATE TABLE feature_masks (
    id      int PRIMARY KEY,
    flags   bit(8) NOT NULL,
    active  tstzrange,
    color   rgb
);
