-- Statements PostgreSQL does not PREPARE: a procedure, a materialized view, tenant data to truncate.
CREATE TABLE tenants (
    id   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name TEXT NOT NULL
);

CREATE TABLE events (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    kind      TEXT NOT NULL,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE MATERIALIZED VIEW event_counts AS SELECT tenant_id, kind, count(*) AS events FROM events GROUP BY tenant_id, kind;

CREATE PROCEDURE forget_events(older_than interval, kind_filter text DEFAULT NULL)
LANGUAGE sql AS $$
    DELETE FROM events WHERE at < now() - older_than AND (kind_filter IS NULL OR kind = kind_filter);
$$;
