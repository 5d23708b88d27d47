-- Built-in functions that run SQL given as text, or read files and large objects:
-- the plan shows a function call, never the tables the text reads.

-- name: QueryToXmlLiteral :one
-- query_to_xml runs the SQL in its first argument: every tenant's tasks as XML.
SELECT query_to_xml('SELECT id, tenant_id, title FROM tasks', true, false, '');

-- name: QueryToXmlCallerSql :one
-- query_to_xml of caller-supplied SQL: any query at all.
SELECT query_to_xml($1, true, false, '');

-- name: QueryToXmlPerScopedRow :many
-- Dynamic SQL built per row of a scoped scan: the inner query is not bound to the tenant.
SELECT p.id,
       query_to_xml(format('SELECT title FROM milestones WHERE project_id = %L', p.id), false, false, '') AS milestones
FROM projects p
WHERE p.tenant_id = $1;

-- name: QueryToXmlAndSchema :one
-- The xmlschema variant runs its query too.
SELECT query_to_xml_and_xmlschema('SELECT key, enabled FROM feature_flags', true, false, '');

-- name: TableToXml :one
-- table_to_xml dumps the whole table.
SELECT table_to_xml('projects'::regclass, true, false, '');

-- name: SchemaToXml :one
-- schema_to_xml dumps every table of the schema.
SELECT schema_to_xml('public', true, false, '');

-- name: DatabaseToXml :one
-- database_to_xml dumps the whole database.
SELECT database_to_xml(true, false, '');

-- name: CursorToXml :one
-- cursor_to_xml reads from a cursor opened by someone else in the session, over any query.
SELECT cursor_to_xml($1::text::refcursor, 100, true, false, '');

-- name: TsStatOverAllTasks :many
-- ts_stat runs the SQL in its argument: word statistics over every tenant's titles.
SELECT word, ndoc FROM ts_stat('SELECT to_tsvector(''simple'', title) FROM tasks');

-- name: TsRewriteWithQuery :one
-- ts_rewrite with a query text reads its rewrite rules from any table: here every tenant's titles.
SELECT ts_rewrite($1::text::tsquery, 'SELECT to_tsquery(''simple'', title), to_tsquery(''simple'', title) FROM tasks')::text;

-- name: ReadServerFile :one
-- pg_read_file reads a server file (an export of another tenant, for example).
SELECT pg_read_file('/var/lib/postgresql/exports/tasks.csv');

-- name: ListServerDirectory :many
-- pg_ls_dir lists server files.
SELECT pg_ls_dir('/var/lib/postgresql/exports');

-- name: ReadLargeObject :one
-- lo_get reads any large object by oid.
SELECT lo_get($1::bigint::oid);

-- name: ImportLargeObject :one
-- lo_import reads a server file into a large object.
SELECT lo_import('/var/lib/postgresql/exports/tasks.csv')::bigint;
