-- Values written into tenant-UNSAFE foreign keys (milestones.project_id, tasks.blocked_by, and the new
-- partition- and child-only keys on documents_note.owner_ref and pinned_notes.task_ref) that are not provably
-- the tenant's row.

-- name: CteReturningFlagIdAsProjectReference :exec
-- ACCEPTED BY CURRENT CODE?
-- The CTE inserts a feature flag whose id is the caller's $2 and returns it, the main insert writes it into
-- milestones.project_id: $2 can be another tenant's project id (flag and project ids do not collide). Any
-- column of any data-modifying CTE's RETURNING passes as "the target row's own value".
WITH f AS (
    INSERT INTO feature_flags (id, tenant_id, key) VALUES ($2, $1, $3) RETURNING id
)
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $4, $1, f.id, $5 FROM f;

-- name: CteReturningProjectIdAsBlocker :execrows
-- ACCEPTED BY CURRENT CODE?
-- The CTE creates a project of the tenant with the caller's id $3 (another tenant's task id, which is not a
-- project id, so it does not collide) and the update makes the tenant's task blocked by that id: a reference
-- to the other tenant's task (deleted with it, ON DELETE CASCADE).
WITH p AS (
    INSERT INTO projects (id, tenant_id, name) VALUES ($3, $1, $4) RETURNING id
)
UPDATE tasks t SET blocked_by = p.id FROM p WHERE t.tenant_id = $1 AND t.id = $2;

-- name: UpsertSetsBlockerFromOwnProjectColumn :exec
-- ACCEPTED BY CURRENT CODE?
-- DO UPDATE SET blocked_by = tasks.project_id: a project id of the tenant (chosen by the tenant when it created
-- the project, so it can equal another tenant's task id) written into a reference to tasks. Any column of the
-- existing row is taken as "the row's own value, unchanged", not only blocked_by itself.
INSERT INTO tasks (id, tenant_id, project_id, title) VALUES ($2, $1, $3, $4)
ON CONFLICT (tenant_id, id) DO UPDATE SET blocked_by = tasks.project_id;

-- name: MergeSetsMilestoneProjectFromOwnId :execrows
-- ACCEPTED BY CURRENT CODE?
-- MERGE ... UPDATE SET project_id = m.id: the milestone's own id (caller-chosen when it was created, for
-- example equal to another tenant's project id) becomes its project.
MERGE INTO milestones m
USING (SELECT $2::uuid AS id) s
ON m.tenant_id = $1 AND m.id = s.id
WHEN MATCHED THEN UPDATE SET project_id = m.id;

-- name: MergeSetsBlockerFromOwnProjectId :execrows
-- ACCEPTED BY CURRENT CODE?
-- MERGE ... UPDATE SET blocked_by = t.project_id: a project id used as a task reference.
MERGE INTO tasks t
USING (SELECT $2::uuid AS id) s
ON t.tenant_id = $1 AND t.id = s.id
WHEN MATCHED THEN UPDATE SET blocked_by = t.project_id;

-- name: GuardedByRollupTotalRow :exec
-- ACCEPTED BY CURRENT CODE?
-- The "guard" scan of the tenant's project $3 is grouped by ROLLUP: its total row exists even when the scan
-- finds nothing, so the milestone is inserted for another tenant's project. A sorted Agg with an empty grouping
-- set produces a row without input.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4 FROM projects p WHERE p.tenant_id = $2 AND p.id = $3
GROUP BY ROLLUP (p.id);

-- name: GuardedByCubeTotalRow :exec
-- ACCEPTED BY CURRENT CODE?
-- The same with CUBE.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4 FROM projects p WHERE p.tenant_id = $2 AND p.id = $3
GROUP BY CUBE (p.id);

-- name: GuardedByEmptyGroupingSet :exec
-- ACCEPTED BY CURRENT CODE?
-- The same with an explicit empty grouping set.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4 FROM projects p WHERE p.tenant_id = $2 AND p.id = $3
GROUP BY GROUPING SETS ((p.id), ());

-- name: UpdateGuardedByExistsOverRollup :execrows
-- ACCEPTED BY CURRENT CODE?
-- An EXISTS guard whose subquery is grouped by ROLLUP: it is always true.
UPDATE tasks SET blocked_by = $3
WHERE tenant_id = $1 AND id = $2
  AND EXISTS (SELECT 1 FROM tasks b WHERE b.tenant_id = $1 AND b.id = $3 GROUP BY ROLLUP (b.id));

-- name: UpdateFromRollupSubquery :execrows
-- ACCEPTED BY CURRENT CODE?
-- UPDATE ... FROM a ROLLUP subquery of the "guard": one row whether or not the blocker is the tenant's.
UPDATE tasks t SET blocked_by = $3
FROM (SELECT b.id FROM tasks b WHERE b.tenant_id = $1 AND b.id = $3 GROUP BY ROLLUP (b.id)) g
WHERE t.tenant_id = $1 AND t.id = $2;

-- name: InsertDocumentWithPartitionForeignKey :exec
-- ACCEPTED BY CURRENT CODE?
-- documents_note (the partition the row is routed to) has a foreign key owner_ref -> tasks(id) that documents
-- itself does not declare: the proof checks the foreign keys of the table named in the statement only, so $3
-- may be another tenant's task.
INSERT INTO documents (id, tenant_id, kind, owner_ref, body) VALUES ($1, $2, 'note', $3, $4);

-- name: UpdateDocumentWithPartitionForeignKey :execrows
-- ACCEPTED BY CURRENT CODE?
-- The same through UPDATE: the result relations are the partitions, the proof reads the foreign keys of the
-- first one (documents_archive, which has none).
UPDATE documents SET owner_ref = $3 WHERE tenant_id = $1 AND id = $2;

-- name: UpdateInheritedNoteTaskReference :execrows
-- ACCEPTED BY CURRENT CODE?
-- UPDATE notes also updates the rows of its inheritance child pinned_notes, whose own foreign key task_ref ->
-- tasks(id) is not one of notes' (foreign keys are not inherited): $3 may be another tenant's task.
UPDATE notes SET task_ref = $3 WHERE tenant_id = $1 AND id = $2;

-- name: InsertDocumentNotePartitionDirectly :exec
-- The same write naming the partition: its foreign key is checked, and refused.
INSERT INTO documents_note (id, tenant_id, kind, owner_ref, body) VALUES ($1, $2, 'note', $3, $4);

-- name: InsertPinnedNoteTaskReference :exec
-- Writing the child directly: its own foreign key is checked, and refused.
INSERT INTO pinned_notes (id, tenant_id, body, task_ref) VALUES ($1, $2, $3, $4);

-- name: GuardedByPlainAggregate :exec
-- A plain aggregate over the guard (count(*)) always yields a row: refused, as it should be.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4 FROM (SELECT count(*) FROM projects p WHERE p.tenant_id = $2 AND p.id = $3) c;

-- name: ArchiveNoteCopiesUncheckedTaskReference :exec
-- ACCEPTED BY CURRENT CODE?
-- Moves a note into pinned_notes with its task_ref: notes.task_ref has no foreign key (any uuid, another
-- tenant's task id included), pinned_notes.task_ref references tasks(id). The value comes from the DELETE's
-- RETURNING, which the proof takes as "the target row's own value".
WITH moved AS (
    DELETE FROM ONLY notes WHERE tenant_id = $1 AND id = $2 RETURNING id, tenant_id, body, task_ref
)
INSERT INTO pinned_notes (id, tenant_id, body, task_ref) SELECT id, tenant_id, body, task_ref FROM moved;

-- name: CteDeleteReturningCopiesBlocker :execrows
-- ACCEPTED BY CURRENT CODE?
-- Copies blocked_by from a deleted task of the tenant to another of its tasks through RETURNING: the same copy
-- of a reference column that ReferenceCopiedFromScopedRow makes with a plain scan, which is refused.
WITH old AS (DELETE FROM tasks WHERE tenant_id = $1 AND id = $2 RETURNING blocked_by)
UPDATE tasks t SET blocked_by = old.blocked_by FROM old WHERE t.tenant_id = $1 AND t.id = $3;
