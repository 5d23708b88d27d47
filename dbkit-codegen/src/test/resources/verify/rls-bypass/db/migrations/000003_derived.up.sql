-- Materialized views: no policy reaches their rows.
CREATE MATERIALIZED VIEW all_titles AS SELECT title FROM notes;                          -- every tenant's titles
CREATE MATERIALIZED VIEW titles_by_tenant AS SELECT tenant_id, title FROM notes;          -- carries tenant_id
COMMENT ON MATERIALIZED VIEW titles_by_tenant IS 'dbkit:per-tenant';
CREATE MATERIALIZED VIEW note_counts AS SELECT count(*) AS notes FROM notes;              -- declared for the platform
COMMENT ON MATERIALIZED VIEW note_counts IS 'dbkit:global';
CREATE VIEW open_notes AS SELECT id, tenant_id, title FROM notes WHERE deleted_at IS NULL;
CREATE MATERIALIZED VIEW open_titles AS SELECT title FROM open_notes;                     -- through a view

-- Views run as their owner: fine while the owner is bound by the forced policy, a leak when it bypasses it.
CREATE VIEW note_titles AS SELECT tenant_id, title FROM notes;
ALTER VIEW note_titles OWNER TO verify_bypass;
CREATE VIEW invoker_titles WITH (security_invoker = true) AS SELECT tenant_id, title FROM notes;
ALTER VIEW invoker_titles OWNER TO verify_bypass;

-- SECURITY DEFINER functions run as their owner too.
CREATE FUNCTION note_title(note UUID) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
    AS 'SELECT title FROM notes WHERE id = note';
CREATE FUNCTION any_note_title(note UUID) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
    AS 'SELECT title FROM notes WHERE id = note';
ALTER FUNCTION any_note_title(UUID) OWNER TO verify_bypass;

-- A second permissive policy: PostgreSQL combines permissive policies with OR, so it reopens every tenant's rows.
CREATE POLICY support_read ON docs FOR SELECT USING (current_setting('app.support_mode', true) = 'on');
-- A restrictive one only narrows: fine.
CREATE POLICY only_live ON notes AS RESTRICTIVE USING (deleted_at IS NULL);
