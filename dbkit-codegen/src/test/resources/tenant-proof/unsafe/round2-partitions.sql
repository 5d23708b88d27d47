-- Partitioned and inherited tenant tables: every partition or child is a scan of its own, and the write
-- checks must use the numbering of the relation they read.

-- name: MergeInsertsDocumentIntoOtherTenant :execrows
-- ACCEPTED BY CURRENT CODE?
-- A MERGE into the partitioned documents: the INSERT action's target list is numbered like the parent
-- (tenant_id is attno 2, owner_ref attno 4), the proof looks for tenant_id at the attno of the first result
-- relation, the partition documents_archive (where it is attno 4). It checks owner_ref ($1) as the tenant,
-- and the real tenant_id ($4, another tenant) is written unchecked.
MERGE INTO documents d
USING (SELECT $2::uuid AS id, $3::text AS body) s
ON d.tenant_id = $1 AND d.id = s.id
WHEN NOT MATCHED THEN INSERT (id, tenant_id, kind, owner_ref, body) VALUES (s.id, $4, 'note', $1, s.body);

-- name: ListWorkItemsOfEveryTenant :many
-- Every partition of the hash-partitioned work_items, without a tenant condition.
SELECT id, tenant_id, title FROM work_items;

-- name: ReadWorkItemPartitionDirectly :many
-- A partition named directly is a tenant table too.
SELECT id, title FROM work_items_p0 WHERE state = $1;

-- name: UpdateWorkItemMovesTenant :execrows
-- Moves the tenant's work item into tenant $3 (and into another partition).
UPDATE work_items SET tenant_id = $3 WHERE tenant_id = $1 AND id = $2;

-- name: DeleteDocumentsByKindOnly :execrows
-- Deletes every tenant's documents of a kind (the partition key is not the tenant).
DELETE FROM documents WHERE kind = $1;

-- name: MergeDocumentMovesTenant :execrows
-- MERGE ... UPDATE SET tenant_id to another tenant.
MERGE INTO documents d
USING (SELECT $2::uuid AS id) s
ON d.tenant_id = $1 AND d.id = s.id
WHEN MATCHED THEN UPDATE SET tenant_id = $3;

-- name: MergeWorkItemsOnIdOnly :execrows
-- MERGE into the partitioned table matched on id only.
MERGE INTO work_items w
USING (SELECT $1::uuid AS id, $2::text AS title) s
ON w.id = s.id
WHEN MATCHED THEN UPDATE SET title = s.title;

-- name: ReadLabelsWithTenantChild :many
-- labels has no tenant_id, but its inheritance child tenant_labels does: reading labels reads every tenant's
-- tenant_labels rows.
SELECT id, name FROM labels WHERE name LIKE $1;

-- name: RenameLabelsOfEveryTenant :execrows
-- UPDATE labels reaches the rows of tenant_labels.
UPDATE labels SET name = $2 WHERE name = $1;

-- name: ReadNotesAndPinnedWithoutTenant :many
-- notes and its child pinned_notes without a tenant condition.
SELECT id, body FROM notes WHERE body LIKE $1;

-- name: ReadPinnedNotesWithoutTenant :many
-- The child table named directly.
SELECT id, body, pinned_at FROM pinned_notes ORDER BY pinned_at DESC LIMIT 10;
