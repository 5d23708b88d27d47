-- Idiomatic statements over the objects of migration 000002 (partitions, inheritance, a domain-typed tenant
-- column, rules, partial and expression unique indexes, views) and a few more shapes: all bound to the tenant.
-- Those marked REFUSED BY CURRENT CODE? are safe but refused by the proof as it is.

-- name: ListWorkItems :many
-- A hash-partitioned tenant table: every partition's scan gets the tenant condition.
SELECT id, title, state FROM work_items WHERE tenant_id = $1 ORDER BY title;

-- name: CreateWorkItem :one
-- INSERT into the partitioned parent, routed to a partition.
INSERT INTO work_items (id, tenant_id, title) VALUES ($1, $2, $3) RETURNING id, state;

-- name: RenameWorkItem :execrows
-- UPDATE through the partitioned parent.
UPDATE work_items SET title = $3 WHERE tenant_id = $1 AND id = $2;

-- name: UpsertWorkItem :exec
-- ON CONFLICT on the partitioned primary key (tenant_id, id).
INSERT INTO work_items (id, tenant_id, title) VALUES ($1, $2, $3)
ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title;

-- name: MergeWorkItem :execrows
-- MERGE into the partitioned parent: bound in the ON clause, the insert writes the tenant parameter.
MERGE INTO work_items w
USING (SELECT $2::uuid AS id, $3::text AS title) s
ON w.tenant_id = $1 AND w.id = s.id
WHEN MATCHED THEN UPDATE SET title = s.title
WHEN NOT MATCHED THEN INSERT (id, tenant_id, title) VALUES (s.id, $1, s.title);

-- name: ClaimNextWorkItem :one
-- A job-queue claim: FOR UPDATE SKIP LOCKED over the tenant's rows.
SELECT id, title FROM work_items WHERE tenant_id = $1 AND state = 'open'
ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;

-- name: CountWorkItemsByStateWithTotal :many
-- GROUPING SETS over the tenant's rows (the total row counts only the tenant's).
SELECT state, count(*) AS items FROM work_items WHERE tenant_id = $1 GROUP BY GROUPING SETS ((state), ());

-- name: RankWorkItemsWithinTenant :many
-- A window partitioned by tenant_id over the tenant's rows.
SELECT id, title, rank() OVER (PARTITION BY tenant_id ORDER BY title) AS position FROM work_items WHERE tenant_id = $1;

-- name: BulkRenameWorkItems :execrows
-- UPDATE ... FROM a VALUES list of ids and titles.
UPDATE work_items w SET title = v.title
FROM (VALUES ($2::uuid, $3::text), ($4::uuid, $5::text)) AS v (id, title)
WHERE w.tenant_id = $1 AND w.id = v.id;

-- name: LatestDocumentPerKind :many
-- DISTINCT ON over the partitions of documents (whose first partition has another column order).
SELECT DISTINCT ON (kind) kind, id, body FROM documents WHERE tenant_id = $1 ORDER BY kind, id;

-- name: EditDocumentBody :execrows
-- UPDATE through the list-partitioned parent.
UPDATE documents SET body = $3 WHERE tenant_id = $1 AND id = $2;

-- name: UpsertDocumentByMerge :execrows
-- REFUSED BY CURRENT CODE?
-- MERGE into documents: the ON clause binds the target and the INSERT writes $1 as tenant_id. The proof
-- looks for tenant_id in the INSERT action (numbered like the parent) at the attno it has in the first
-- partition, documents_archive, finds kind there, and refuses.
MERGE INTO documents d
USING (SELECT $2::uuid AS id, $3::text AS body) s
ON d.tenant_id = $1 AND d.id = s.id
WHEN MATCHED THEN UPDATE SET body = s.body
WHEN NOT MATCHED THEN INSERT (id, tenant_id, kind, body) VALUES (s.id, $1, 'note', s.body);

-- name: ListNotesWithPinned :many
-- Inheritance: notes and its child pinned_notes are both bound.
SELECT id, body FROM notes WHERE tenant_id = $1 ORDER BY body;

-- name: AddNote :exec
-- INSERT into the inheritance parent.
INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3);

-- name: PinNoteCopy :exec
-- Moves a note of the tenant into the child table (a data-modifying CTE feeding an INSERT).
WITH moved AS (DELETE FROM ONLY notes WHERE tenant_id = $1 AND id = $2 RETURNING id, tenant_id, body)
INSERT INTO pinned_notes (id, tenant_id, body) SELECT id, tenant_id, body FROM moved;

-- name: SampleNotes :many
-- TABLESAMPLE on the tenant's notes.
SELECT id, body FROM notes TABLESAMPLE BERNOULLI (50) WHERE tenant_id = $1;

-- name: ListTenantLabels :many
-- The child with tenant_id of an unscoped parent, bound.
SELECT id, name FROM tenant_labels WHERE tenant_id = $1 ORDER BY name;

-- name: ListContacts :many
-- contacts.tenant_id is a domain over uuid (tenant_ref): the condition compares it as uuid. Note: the
-- tenant parameter $1 has the domain's type.
SELECT id, email FROM contacts WHERE tenant_id = $1 ORDER BY email;

-- name: AddContact :exec
-- The tenant parameter $2 is inferred as the domain tenant_ref (note: a parameter of a domain type over uuid).
INSERT INTO contacts (id, tenant_id, email) VALUES ($1, $2, $3);

-- name: UpsertContactByEmail :one
-- ON CONFLICT (tenant_id, email) with the domain-typed tenant column.
INSERT INTO contacts (id, tenant_id, email) VALUES ($1, $2, $3)
ON CONFLICT (tenant_id, email) DO UPDATE SET email = excluded.email
RETURNING id;

-- name: AddContactWithUuidTenant :exec
-- REFUSED BY CURRENT CODE?
-- The tenant parameter is written as $2::uuid: the plan coerces it to the domain (CoerceToDomain over the
-- parameter), which the proof does not see through.
INSERT INTO contacts (id, tenant_id, email) VALUES ($1, $2::uuid, $3);

-- name: ContactsFromProjectNames :exec
-- REFUSED BY CURRENT CODE?
-- INSERT ... SELECT the tenant_id of a bound scan into the domain-typed column: CoerceToDomain again.
INSERT INTO contacts (id, tenant_id, email)
SELECT gen_random_uuid(), p.tenant_id, p.name || '@example.com' FROM projects p WHERE p.tenant_id = $1;

-- name: AddTaskNote :exec
-- task_notes has a rule that also inserts an audit event with NEW.tenant_id: both planned statements bind $2.
INSERT INTO task_notes (id, tenant_id, task_id, body) VALUES ($1, $2, $3, $4);

-- name: AddTag :one
-- All columns given (color's default would call a function of the schema).
INSERT INTO tags (id, tenant_id, name, slug, color) VALUES ($1, $2, $3, $4, $5) RETURNING id, created;

-- name: UpsertLiveTagByName :exec
-- ON CONFLICT on a partial unique index whose key includes tenant_id.
INSERT INTO tags (id, tenant_id, name, slug, color) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (tenant_id, name) WHERE NOT archived DO UPDATE SET slug = excluded.slug;

-- name: UpsertTagCaseInsensitive :exec
-- ON CONFLICT on an expression unique index (tenant_id, lower(name)).
INSERT INTO tags (id, tenant_id, name, slug, color) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (tenant_id, lower(name)) DO UPDATE SET archived = false;

-- name: ImportTagsFromList :execrows
-- Bulk insert from an array parameter.
INSERT INTO tags (id, tenant_id, name, slug, color)
SELECT gen_random_uuid(), $1, n, lower(n), 'grey' FROM unnest($2::text[]) AS n
ON CONFLICT DO NOTHING;

-- name: TagsPerNote :many
-- LATERAL subquery correlated on the bound row's tenant_id.
SELECT n.id, t.name
FROM notes n
CROSS JOIN LATERAL (SELECT name FROM tags WHERE tenant_id = n.tenant_id ORDER BY name LIMIT 3) t
WHERE n.tenant_id = $1;

-- name: OpenTasksThroughBarrierView :many
-- A security_barrier view: the tenant condition (leakproof uuid equality) is pushed into its scan, the ILIKE
-- stays above it.
SELECT id, title FROM my_open_tasks WHERE tenant_id = $1 AND title ILIKE $2;

-- name: TasksThroughRenamedView :many
-- tasks_by_project renames tasks.tenant_id to owner_id: binding owner_id binds the tenant (the tenant
-- parameter is $1, the one compared with owner_id).
SELECT id, title FROM tasks_by_project WHERE owner_id = $1 AND tenant_id = $2;

-- name: ListOwnTemplates :many
-- The tenant's own templates (shared ones have tenant_id NULL and are not read here).
SELECT id, name FROM templates WHERE tenant_id = $1 ORDER BY name;

-- name: ProjectCodeTaken :one
-- REFUSED BY CURRENT CODE?
-- Is this code used by one of the tenant's projects: an index-only scan of projects_code_key (code) INCLUDE
-- (tenant_id) filters tenant_id = $1 on the INCLUDE column, which the proof does not recognise as the tenant
-- column (isColumnOf reads only the index's key columns).
SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = $1 AND code = $2) AS taken;

-- name: ProjectByCodeOfTenant :one
-- REFUSED BY CURRENT CODE?
-- The same scan returning the code.
SELECT code FROM projects WHERE tenant_id = $1 AND code = $2;

-- name: MergeProjectsIntoWorkItems :execrows
-- REFUSED BY CURRENT CODE?
-- Copies the tenant's projects into work items: the INSERT writes the source's tenant_id (a bound scan), but
-- a source column in a MERGE action is an INNER_VAR the proof reads as ON CONFLICT's excluded row.
MERGE INTO work_items w
USING (SELECT p.tenant_id, p.id, p.name FROM projects p WHERE p.tenant_id = $1) s
ON w.tenant_id = $1 AND w.id = s.id
WHEN NOT MATCHED THEN INSERT (id, tenant_id, title) VALUES (s.id, s.tenant_id, s.name);

-- name: MergeImportWorkItemsFromValues :execrows
-- REFUSED BY CURRENT CODE?
-- A multi-row VALUES source whose tenant column is the parameter $1 in every row: the same INNER_VAR.
MERGE INTO work_items w
USING (VALUES ($1::uuid, $2::uuid, $3::text), ($1::uuid, $4::uuid, $5::text)) AS s (tenant_id, id, title)
ON w.tenant_id = $1 AND w.id = s.id
WHEN NOT MATCHED THEN INSERT (id, tenant_id, title) VALUES (s.id, s.tenant_id, s.title);
