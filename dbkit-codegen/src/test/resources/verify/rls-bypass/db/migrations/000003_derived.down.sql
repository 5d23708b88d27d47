DROP FUNCTION any_note_title(UUID);
DROP FUNCTION note_title(UUID);
DROP VIEW invoker_titles;
DROP VIEW note_titles;
DROP MATERIALIZED VIEW open_titles;
DROP VIEW open_notes;
DROP MATERIALIZED VIEW note_counts;
DROP MATERIALIZED VIEW titles_by_tenant;
DROP MATERIALIZED VIEW all_titles;
