-- Functions that run although no FuncExpr of theirs is in the plan (domain checks, generated columns, operator
-- class support functions), functions the proof trusts by extension membership, and built-ins that read or
-- write what every tenant shares.

-- name: DomainCheckProbesOtherTenantsTask :one
-- ACCEPTED BY CURRENT CODE?
-- known_task's CHECK calls task_exists(VALUE), a function of the schema that reads every tenant's tasks: the
-- cast succeeds exactly when $1 is the id of a task of any tenant (an existence oracle). The plan only has a
-- CoerceToDomain node, so the proof never sees the call.
SELECT $1::known_task AS task;

-- name: DomainCheckInsideScopedRead :many
-- ACCEPTED BY CURRENT CODE?
-- The same call hidden in an otherwise scoped read.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND project_id = $2::known_task;

-- name: GeneratedColumnCallsSchemaFunction :one
-- ACCEPTED BY CURRENT CODE?
-- wiki_pages.slug is GENERATED ALWAYS AS (slugify(title)): the executor calls slugify, a function of the schema
-- the proof refuses when a query calls it (unprovable SlugifyPureFunction), but the plan only has a placeholder.
INSERT INTO wiki_pages (id, tenant_id, title) VALUES ($1, $2, $3) RETURNING slug;

-- name: SortUsingSchemaOperatorClass :many
-- ACCEPTED BY CURRENT CODE?
-- ORDER BY ... USING an operator of a btree operator class of the schema: the sort calls the class's support
-- function evil.uuid_cmp_logged (a SQL function whose body the proof cannot see) for every comparison. The plan
-- names the operator only in Sort.sortOperators, which the proof does not read.
SELECT id, title FROM tasks WHERE tenant_id = $1 ORDER BY id USING OPERATOR(evil.<<<);

-- name: RowComparisonUsingSchemaOperator :many
-- ACCEPTED BY CURRENT CODE?
-- A row comparison with the same operator: a RowCompareExpr lists its operators in opnos, not as OpExprs.
SELECT id, title FROM tasks
WHERE tenant_id = $1 AND (id, project_id) OPERATOR(evil.<<<) ($2::uuid, $3::uuid);

-- name: ExtensionMemberCountsEveryTenant :one
-- ACCEPTED BY CURRENT CODE?
-- platform_project_count is a SQL function of the schema (it counts every tenant's projects) that a migration
-- made a member of pgcrypto: the proof trusts a function because its extension is on the safe list.
SELECT platform_project_count() AS projects;

-- name: DatabaseSizeOfEveryTenant :one
-- ACCEPTED BY CURRENT CODE?
-- pg_database_size measures every tenant's data, as pg_relation_size does (which is refused).
SELECT pg_database_size(current_database()) AS bytes;

-- name: TablespaceSizeOfEveryTenant :one
-- ACCEPTED BY CURRENT CODE?
-- pg_tablespace_size, the same.
SELECT pg_tablespace_size('pg_default') AS bytes;

-- name: ResetSharedSequence :one
-- ACCEPTED BY CURRENT CODE?
-- setval rewinds a sequence every tenant draws from: other tenants' next invoice numbers repeat (or collide).
SELECT setval('invoice_numbers', 1) AS restarted;

-- name: OtherSessionsLocks :many
-- ACCEPTED BY CURRENT CODE?
-- pg_locks (the built-in pg_lock_status) shows the locks of every session: the relations, pages and tuples
-- other tenants' requests are working on, and their advisory lock keys.
SELECT locktype, relation::regclass::text AS relation, page, tuple, objid::int8 AS objid, pid FROM pg_locks;

-- name: OtherSessionsPreparedTransactions :many
-- ACCEPTED BY CURRENT CODE?
-- pg_prepared_xacts lists the prepared transactions of every session (their gids often name the tenant).
SELECT gid, prepared FROM pg_prepared_xacts;

-- name: NotifyOtherTenantsChannel :one
-- ACCEPTED BY CURRENT CODE?
-- pg_notify sends a message on any channel, for example the one another tenant's workers listen to.
SELECT pg_notify($1, $2) IS NULL AS sent;

-- name: ColumnDefaultCallsSchemaFunction :exec
-- tags.color defaults to next_tag_color(), a function of the schema (it counts every tenant's tasks): omitting
-- the column calls it, and the rewritten default is in the plan, so the proof refuses.
INSERT INTO tags (id, tenant_id, name, slug) VALUES ($1, $2, $3, $4);

-- name: EvilEqualsOperatorQualified :many
-- evil.= is uuid inequality: the proof only takes the built-in = as equality, so it refuses.
SELECT id, title FROM tasks WHERE tenant_id OPERATOR(evil.=) $1;

-- name: SchemaOperatorInQual :many
-- An operator of the schema used as a condition: its SQL function is in the plan, refused.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND id OPERATOR(evil.<<<) $2;
