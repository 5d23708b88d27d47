-- The schema the tenant-proof corpus attacks: an ordinary multi-tenant SaaS schema with the shapes that leak.
CREATE TABLE tenants (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL
);

-- Global lookup data: no tenant column, references no tenant-scoped table.
CREATE TABLE countries (
    code CHAR(2) PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TYPE project_status AS ENUM ('active', 'on_hold', 'archived');

CREATE TABLE projects (
    id        UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    name      TEXT NOT NULL,
    code      TEXT,
    status    project_status NOT NULL DEFAULT 'active',
    country   CHAR(2) REFERENCES countries (code),
    budget    NUMERIC(12, 2),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, name)
);
-- A unique index that carries tenant_id only as an INCLUDE column: not a tenant-safe conflict target.
CREATE UNIQUE INDEX projects_code_key ON projects (code) INCLUDE (tenant_id);

CREATE TABLE tasks (
    id         UUID PRIMARY KEY,
    tenant_id  UUID NOT NULL REFERENCES tenants (id),
    -- tenant-safe: the database refuses a project of another tenant
    project_id UUID NOT NULL,
    -- tenant-unsafe: a plain reference to another tenant-scoped row
    blocked_by UUID REFERENCES tasks (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    done       BOOLEAN NOT NULL DEFAULT false,
    assignee   TEXT,
    estimate   INT4,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);

-- Tenant-unsafe foreign key: milestone.project_id references projects (id) without tenant_id.
CREATE TABLE milestones (
    id         UUID PRIMARY KEY,
    tenant_id  UUID NOT NULL REFERENCES tenants (id),
    project_id UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    due_on     DATE
);

-- A child table without tenant_id: its rows belong to a tenant through tasks. Never implicitly global.
CREATE TABLE task_comments (
    id      UUID PRIMARY KEY,
    task_id UUID NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    body    TEXT NOT NULL
);

CREATE TABLE feature_flags (
    id        UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    key       TEXT NOT NULL,
    enabled   BOOLEAN NOT NULL DEFAULT false,
    metadata  JSONB NOT NULL DEFAULT '{}',
    UNIQUE (tenant_id, key)
);

-- A table whose tenant column defaults to something other than a parameter.
CREATE TABLE audit_events (
    id        BIGSERIAL PRIMARY KEY,
    tenant_id UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    action    TEXT NOT NULL
);

-- A view that exposes tenant_id, and one that hides it.
CREATE VIEW open_tasks AS SELECT id, tenant_id, project_id, title FROM tasks WHERE NOT done;
CREATE VIEW task_titles AS SELECT id, title FROM tasks;

-- Materialized views: RLS and the plan's scan conditions do not reach their rows' origin.
CREATE MATERIALIZED VIEW project_task_counts AS
    SELECT p.tenant_id, p.id AS project_id, count(t.id) AS tasks
    FROM projects p LEFT JOIN tasks t ON t.project_id = p.id AND t.tenant_id = p.tenant_id
    GROUP BY p.tenant_id, p.id;
CREATE MATERIALIZED VIEW all_task_titles AS SELECT title FROM tasks;

-- Functions whose bodies read tenant tables; the plan shows only the call.
CREATE FUNCTION count_tasks(project UUID) RETURNS BIGINT
    LANGUAGE sql STABLE AS $$ SELECT count(*) FROM tasks WHERE project_id = project $$;
CREATE FUNCTION all_tasks() RETURNS SETOF tasks
    LANGUAGE sql STABLE AS $$ SELECT * FROM tasks $$;
CREATE FUNCTION task_title(task UUID) RETURNS TEXT
    LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$ BEGIN RETURN (SELECT title FROM tasks WHERE id = task); END $$;
-- A pure function: reads no table, but dbkit cannot know that without reading its body.
CREATE FUNCTION slugify(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$ SELECT lower(replace(value, ' ', '-')) $$;
-- A user-defined equality operator that is not equality.
CREATE FUNCTION uuid_always_equal(a UUID, b UUID) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$ SELECT true $$;
CREATE OPERATOR === (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = uuid_always_equal);

-- Declared per tenant: each row is computed from one tenant's rows only (grouped by tenant, joined on it).
COMMENT ON MATERIALIZED VIEW project_task_counts IS 'dbkit:per-tenant';
