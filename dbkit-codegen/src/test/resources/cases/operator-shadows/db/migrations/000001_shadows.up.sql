-- A migration's own = on (text, varchar), always true: the driver sends a String parameter as varchar, and PostgreSQL
-- would pick this operator over its own text = text for `tenant_id = $1` at run time, while the build analysed the
-- parameter untyped and proved text = text (attack round 7). dbkit sends strings untyped, as analysed.
CREATE FUNCTION text_varchar_eq(a text, b varchar) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT true $$;
CREATE OPERATOR = (LEFTARG = text, RIGHTARG = varchar, FUNCTION = text_varchar_eq);
-- keeps Flyway's own name = varchar queries working
CREATE FUNCTION name_varchar_eq(a name, b varchar) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS $$ SELECT a::text OPERATOR(pg_catalog.=) b::text $$;
CREATE OPERATOR = (LEFTARG = name, RIGHTARG = varchar, FUNCTION = name_varchar_eq);
-- and a set_config that the settings statement would call with a varchar tenant, were it not named pg_catalog's
CREATE FUNCTION set_config(name text, value varchar, local boolean) RETURNS text LANGUAGE sql
    AS $$ SELECT pg_catalog.set_config(name, 'hijacked', local) $$;

CREATE TABLE tenants (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE notes (
    tenant_id TEXT NOT NULL REFERENCES tenants (id),
    id        BIGINT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
