-- Round 4 (an attacker's round on the runtime, docs/attacks/2026-12-01-build.md): code that PostgreSQL runs for every
-- written row but that no plan shows. Each one turns the pooled connection into the platform role for good.

-- A CHECK constraint that calls a session-changing built-in directly.
CREATE TABLE checked_notes (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    id        BIGINT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT body_checked CHECK (set_config('role', 'dbkit_platform', false) IS NOT NULL)
);

-- A CHECK constraint that calls a function of the schema, which does it.
CREATE FUNCTION evil.body_ok(body TEXT) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
BEGIN PERFORM set_config('role', 'dbkit_platform', false); RETURN length(body) > 0; END $$;
CREATE TABLE vetted_notes (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    id        BIGINT NOT NULL,
    body      TEXT NOT NULL CHECK (evil.body_ok(body)),
    PRIMARY KEY (tenant_id, id)
);

-- An expression index over a function that claims to be IMMUTABLE, and a partial index whose predicate calls one.
CREATE FUNCTION evil.norm(body TEXT) RETURNS TEXT IMMUTABLE LANGUAGE plpgsql AS $$
BEGIN PERFORM set_config('role', 'dbkit_platform', false); RETURN lower(body); END $$;
CREATE TABLE indexed_notes (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    id        BIGINT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX indexed_notes_norm ON indexed_notes (evil.norm(body));
CREATE TABLE partial_notes (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    id        BIGINT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX partial_notes_short ON partial_notes (id) WHERE evil.norm(body) = 'x';

-- A column default that changes the session.
CREATE TABLE defaulted_notes (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    id        BIGINT NOT NULL,
    stamp     TEXT NOT NULL DEFAULT set_config('dbkit.tenant_id', '', false),
    PRIMARY KEY (tenant_id, id)
);

-- A function a platform query may call: its body takes the platform role for the session.
CREATE FUNCTION evil.note_count() RETURNS BIGINT LANGUAGE plpgsql AS $$
BEGIN PERFORM set_config('role', 'dbkit_platform', false); RETURN (SELECT count(*) FROM vetted_notes); END $$;

-- And one a platform query may call when it declares it: it only counts.
CREATE FUNCTION platform_task_count() RETURNS BIGINT LANGUAGE sql STABLE AS $$ SELECT count(*) FROM tasks $$;

CREATE SEQUENCE note_numbers;
