-- Round 5: what earlier borrowers of a pooled connection left in the session, and extension functions that
-- change it.

-- name: NotesWithPreparedStatements :many
-- Another borrower's server-prepared statements, literals and all (pgjdbc prepares after five runs).
SELECT n.id, p.name, p.statement, p.generic_plans FROM notes n CROSS JOIN pg_prepared_statement() p
WHERE n.tenant_id = $1;

-- name: NotesWithPreparedStatementsView :many
SELECT n.id, p.statement FROM notes n CROSS JOIN pg_prepared_statements p WHERE n.tenant_id = $1;

-- name: NotesWithCursors :many
-- WITH HOLD cursors outlive the transaction of the borrower that opened them.
SELECT n.id, c.name, c.statement FROM notes n CROSS JOIN pg_cursor() c WHERE n.tenant_id = $1;

-- name: NotesWithSettings :many
-- Custom settings an earlier borrower set for the session.
SELECT n.id, s.name, s.setting FROM notes n CROSS JOIN pg_settings s WHERE n.tenant_id = $1 AND s.name LIKE 'app.%';

-- name: SearchNotesSettingTheThreshold :many
-- pg_trgm's set_limit changes pg_trgm.similarity_threshold for the session: the next borrower's % searches change.
SELECT id, body, set_limit($2) AS threshold FROM notes WHERE tenant_id = $1;

-- name: WeakIsbnForEveryone :many
-- isn's isn_weak(true) makes the session accept invalid check digits, for every later borrower.
SELECT id, isn_weak(true) AS weak FROM notes WHERE tenant_id = $1;
