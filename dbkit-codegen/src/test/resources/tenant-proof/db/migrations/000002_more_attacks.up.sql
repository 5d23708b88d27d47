-- Round 2 of the tenant-proof corpus: schema shapes the first migration does not have. The existing tables are
-- untouched. Some objects are there to be attacked (and say so), the others are idiomatic shapes that safe
-- statements must be able to use.

-- A hash-partitioned tenant table (partitioned by tenant_id): every partition has the tenant column.
CREATE TABLE work_items (
    id        UUID NOT NULL,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    title     TEXT NOT NULL,
    state     TEXT NOT NULL DEFAULT 'open',
    PRIMARY KEY (tenant_id, id)
) PARTITION BY HASH (tenant_id);
CREATE TABLE work_items_p0 PARTITION OF work_items FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE work_items_p1 PARTITION OF work_items FOR VALUES WITH (MODULUS 2, REMAINDER 1);

-- A list-partitioned tenant table whose first partition (partitions are ordered by their bounds: 'archive' comes
-- before 'note') has another column order: it was created on its own and attached, so the same column has a
-- different attribute number in the partition than in the parent (its tenant_id is the parent's attno 4, which
-- is owner_ref in the parent).
CREATE TABLE documents (
    id        UUID NOT NULL,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    kind      TEXT NOT NULL,
    owner_ref UUID,
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind, id)
) PARTITION BY LIST (kind);
CREATE TABLE documents_archive (
    id        UUID NOT NULL,
    kind      TEXT NOT NULL,
    body      TEXT NOT NULL,
    tenant_id UUID NOT NULL,
    owner_ref UUID
);
ALTER TABLE documents ATTACH PARTITION documents_archive FOR VALUES IN ('archive');
CREATE TABLE documents_note PARTITION OF documents FOR VALUES IN ('note');
-- A foreign key declared on one partition only (notes may point at the task they document): it is not a
-- foreign key of documents, whose writes the proof checks against documents' own foreign keys.
ALTER TABLE documents_note ADD CONSTRAINT documents_note_owner_ref_fkey FOREIGN KEY (owner_ref) REFERENCES tasks (id);

-- Table inheritance: a tenant table with a child that adds a column.
CREATE TABLE notes (
    id        UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    body      TEXT NOT NULL,
    task_ref  UUID
);
-- Foreign keys are not inherited: the child declares its own, tenant-unsafe one on the inherited task_ref.
CREATE TABLE pinned_notes (
    pinned_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (task_ref) REFERENCES tasks (id)
) INHERITS (notes);

-- A parent without tenant_id (so it looks like lookup data) whose inheritance child has it.
CREATE TABLE labels (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE tenant_labels (
    tenant_id UUID NOT NULL REFERENCES tenants (id)
) INHERITS (labels);

-- A domain over uuid as the type of a tenant column.
CREATE DOMAIN tenant_ref AS UUID NOT NULL;
CREATE TABLE contacts (
    id        UUID PRIMARY KEY,
    tenant_id tenant_ref REFERENCES tenants (id),
    email     TEXT NOT NULL,
    UNIQUE (tenant_id, email)
);

-- A domain whose CHECK calls a function that reads a tenant table: the plan shows only a CoerceToDomain node.
CREATE FUNCTION task_exists(task UUID) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM tasks WHERE id = task) $$;
CREATE DOMAIN known_task AS UUID CHECK (task_exists(VALUE));

-- A schema with look-alikes: a table named tasks without tenant_id, and an operator named = on (uuid, uuid)
-- that is uuid inequality. With the default search_path ("$user", public, pg_catalog implicitly first) neither
-- is picked by unqualified names; an application that connects with search_path = evil, pg_catalog would.
CREATE SCHEMA evil;
CREATE TABLE evil.tasks (
    id    UUID PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE OPERATOR evil.= (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = uuid_ne);

-- A btree operator class whose support function is a SQL function of the schema: ORDER BY ... USING and row
-- comparisons call it, but the plan only names the operator (Sort.sortOperators, RowCompareExpr.opnos).
CREATE FUNCTION evil.uuid_cmp_logged(a UUID, b UUID) RETURNS INT4
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN a < b THEN -1 WHEN a > b THEN 1 ELSE 0 END $$;
CREATE FUNCTION evil.uuid_lt_logged(a UUID, b UUID) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$ SELECT evil.uuid_cmp_logged(a, b) < 0 $$;
CREATE FUNCTION evil.uuid_le_logged(a UUID, b UUID) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$ SELECT evil.uuid_cmp_logged(a, b) <= 0 $$;
CREATE FUNCTION evil.uuid_eq_logged(a UUID, b UUID) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$ SELECT evil.uuid_cmp_logged(a, b) = 0 $$;
CREATE FUNCTION evil.uuid_ge_logged(a UUID, b UUID) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$ SELECT evil.uuid_cmp_logged(a, b) >= 0 $$;
CREATE FUNCTION evil.uuid_gt_logged(a UUID, b UUID) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$ SELECT evil.uuid_cmp_logged(a, b) > 0 $$;
CREATE OPERATOR evil.<<< (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = evil.uuid_lt_logged);
CREATE OPERATOR evil.<<= (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = evil.uuid_le_logged);
CREATE OPERATOR evil.=== (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = evil.uuid_eq_logged);
CREATE OPERATOR evil.>>= (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = evil.uuid_ge_logged);
CREATE OPERATOR evil.>>> (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = evil.uuid_gt_logged);
CREATE OPERATOR CLASS evil.uuid_logged_ops FOR TYPE uuid USING btree AS
    OPERATOR 1 evil.<<<,
    OPERATOR 2 evil.<<=,
    OPERATOR 3 evil.===,
    OPERATOR 4 evil.>>=,
    OPERATOR 5 evil.>>>,
    FUNCTION 1 evil.uuid_cmp_logged(uuid, uuid);

-- A tenant table with a rule that also writes an audit event of the same tenant (safe), and one whose rule
-- writes into another table by a key that is not the tenant (unsafe: every statement on it is refused).
CREATE TABLE task_notes (
    id        UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    task_id   UUID NOT NULL,
    body      TEXT NOT NULL,
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id)
);
CREATE RULE task_notes_audit AS ON INSERT TO task_notes
    DO ALSO INSERT INTO audit_events (tenant_id, action) VALUES (NEW.tenant_id, 'note added');
CREATE TABLE flag_toggles (
    id        UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    flag_key  TEXT NOT NULL,
    enabled   BOOLEAN NOT NULL
);
CREATE RULE flag_toggles_apply AS ON INSERT TO flag_toggles
    DO ALSO UPDATE feature_flags SET enabled = NEW.enabled WHERE key = NEW.flag_key;

-- A trigger (schema, not query: the proof cannot see it; here it only touches the same row).
CREATE FUNCTION notes_trim_body() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN NEW.body := btrim(NEW.body); RETURN NEW; END $$;
CREATE TRIGGER notes_trim_body BEFORE INSERT OR UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION notes_trim_body();

-- Partial and expression unique indexes: tags are unique per tenant among the live ones, case-insensitively;
-- the slug is unique per tenant through an expression that embeds tenant_id; the external code is unique
-- platform-wide (tenant_id appears only in the predicate).
CREATE FUNCTION next_tag_color() RETURNS TEXT
    LANGUAGE sql VOLATILE AS $$ SELECT 'color-' || (SELECT count(*) FROM tasks)::text $$;
CREATE TABLE tags (
    id        UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    name      TEXT NOT NULL,
    slug      TEXT NOT NULL,
    code      TEXT,
    archived  BOOLEAN NOT NULL DEFAULT false,
    -- a column default that calls a function of the schema
    color     TEXT NOT NULL DEFAULT next_tag_color(),
    -- a column default that calls only built-ins
    created   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tags_live_name_key ON tags (tenant_id, name) WHERE NOT archived;
CREATE UNIQUE INDEX tags_lower_name_key ON tags (tenant_id, lower(name));
CREATE UNIQUE INDEX tags_slug_key ON tags ((tenant_id::text || '/' || slug));
CREATE UNIQUE INDEX tags_code_key ON tags (code) WHERE tenant_id IS NOT NULL;

-- A tenant table whose tenant column is GENERATED from another column: an UPDATE of that column moves the row.
CREATE TABLE org_notes (
    id        UUID PRIMARY KEY,
    org_id    UUID NOT NULL,
    tenant_id UUID GENERATED ALWAYS AS (org_id) STORED,
    body      TEXT NOT NULL
);

-- A generated column that calls a function of the schema (slugify, which the proof refuses in a query): the
-- executor computes it, the plan of an INSERT only has a placeholder.
CREATE TABLE wiki_pages (
    id        UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants (id),
    title     TEXT NOT NULL,
    slug      TEXT GENERATED ALWAYS AS (slugify(title)) STORED
);

-- A function of the schema that counts every tenant's projects, made a member of pgcrypto (an extension the
-- proof trusts): membership is all the proof looks at.
CREATE EXTENSION pgcrypto;
CREATE FUNCTION platform_project_count() RETURNS BIGINT
    LANGUAGE sql STABLE AS $$ SELECT count(*) FROM projects $$;
ALTER EXTENSION pgcrypto ADD FUNCTION platform_project_count();

-- A tenant table where tenant_id NULL means "shared with every tenant" (templates of the platform). It has no
-- index on tenant_id (a small table): its scans are sequential, every condition runs on every tenant's rows.
CREATE TABLE templates (
    id        UUID PRIMARY KEY,
    tenant_id UUID REFERENCES tenants (id),
    name      TEXT NOT NULL,
    settings  JSONB NOT NULL DEFAULT '{}'
);

-- A one-to-one extension of tenants keyed by the tenant's id, without a column named tenant_id: the proof
-- classifies it as unscoped lookup data.
CREATE TABLE tenant_profiles (
    id            UUID PRIMARY KEY REFERENCES tenants (id),
    billing_email TEXT NOT NULL,
    plan          TEXT NOT NULL DEFAULT 'free'
);

-- A materialized view WITH tenant_id whose rows carry other tenants' data (a platform-wide count and rank).
CREATE MATERIALIZED VIEW project_rankings AS
    SELECT p.tenant_id, p.id AS project_id, p.name,
           rank() OVER (ORDER BY p.budget DESC NULLS LAST) AS platform_rank,
           (SELECT count(*) FROM projects) AS platform_projects
    FROM projects p;

-- Views: a security_barrier view, and an auto-updatable view that renames project_id AS tenant_id (and the real
-- tenant_id AS owner_id).
CREATE VIEW my_open_tasks WITH (security_barrier) AS
    SELECT id, tenant_id, project_id, title FROM tasks WHERE NOT done;
CREATE VIEW tasks_by_project AS
    SELECT id, project_id AS tenant_id, tenant_id AS owner_id, title FROM tasks;

-- A sequence shared by every tenant (as audit_events_id_seq is).
CREATE SEQUENCE invoice_numbers;
