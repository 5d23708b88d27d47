-- Values written into a tenant-UNSAFE foreign key (milestones.project_id, tasks.blocked_by) must provably be the
-- tenant's: taken from a restricted scan of the referenced table, guarded by EXISTS on it, or NULL.

-- name: InsertMilestoneProjectParameter :exec
-- milestones.project_id is a plain parameter: a milestone of the tenant on another tenant's project.
INSERT INTO milestones (id, tenant_id, project_id, title) VALUES ($1, $2, $3, $4);

-- name: InsertTaskBlockedByParameter :exec
-- tasks.blocked_by is a plain parameter: the tenant's task blocked by another tenant's task
-- (and deleted with it, ON DELETE CASCADE).
INSERT INTO tasks (id, tenant_id, project_id, title, blocked_by) VALUES ($1, $2, $3, $4, $5);

-- name: UpdateBlockedByParameter :execrows
-- UPDATE sets blocked_by to a plain parameter.
UPDATE tasks SET blocked_by = $3 WHERE tenant_id = $1 AND id = $2;

-- name: UpdateMilestoneProjectParameter :execrows
-- UPDATE sets milestones.project_id to a plain parameter.
UPDATE milestones SET project_id = $3 WHERE tenant_id = $1 AND id = $2;

-- name: UpdateBlockedByCoalesce :execrows
-- An expression of a parameter is still the caller's value.
UPDATE tasks SET blocked_by = coalesce($3, blocked_by) WHERE tenant_id = $1 AND id = $2;

-- name: GuardWithoutTenant :exec
-- The EXISTS guard checks that the project exists, not that it is the tenant's.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = $3);

-- name: GuardOnDifferentParameter :exec
-- The guard checks project $5, the insert writes project $3.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id = $2 AND p.id = $5);

-- name: GuardInverted :exec
-- NOT EXISTS: the milestone is inserted only when the project is NOT the tenant's.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4
WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id = $2 AND p.id = $3);

-- name: GuardOredWithFlag :exec
-- The guard is OR-ed with a caller-controlled flag.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id = $2 AND p.id = $3) OR $5::boolean;

-- name: GuardInUnusedCte :exec
-- The guard is a CTE nobody reads: the VALUES row is inserted unconditionally.
WITH ok AS (SELECT 1 FROM projects p WHERE p.tenant_id = $2 AND p.id = $3)
INSERT INTO milestones (id, tenant_id, project_id, title) VALUES ($1, $2, $3, $4);

-- name: GuardAsLeftJoin :exec
-- A LEFT JOIN to the tenant's project does not filter: the row is inserted whether or not it matched.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4
FROM (SELECT 1) AS one
LEFT JOIN projects p ON p.tenant_id = $2 AND p.id = $3;

-- name: GuardWithFakeEquality :exec
-- The guard's tenant test uses the always-true === operator.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id === $2 AND p.id = $3);

-- name: GuardOnWrongTable :exec
-- The guard checks a feature flag of the tenant whose id equals the project id (flag ids are caller-chosen),
-- not the referenced projects table.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, $3, $4
WHERE EXISTS (SELECT 1 FROM feature_flags f WHERE f.tenant_id = $2 AND f.id = $3);

-- name: ReferenceFromUnrestrictedScan :exec
-- The project id is read from an unrestricted scan of projects (by its global code).
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, $2, p.id, $3 FROM projects p WHERE p.code = $4;

-- name: ReferenceCopiedFromScopedRow :exec
-- blocked_by is copied from another reference column of a scoped row, not from the id of a restricted scan
-- of the referenced table.
INSERT INTO tasks (id, tenant_id, project_id, title, blocked_by)
SELECT $2, x.tenant_id, x.project_id, $3, x.blocked_by FROM tasks x WHERE x.tenant_id = $1 AND x.id = $4;

-- name: SecondRowUnguarded :exec
-- The first row takes the project from a restricted scan, the second row of the UNION ALL is a plain parameter.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1::uuid, p.tenant_id, p.id, $3::text FROM projects p WHERE p.tenant_id = $2 AND p.id = $4
UNION ALL
SELECT $5::uuid, $2, $6::uuid, $7::text;

-- name: UpdateBlockedByFromUnscopedSubquery :execrows
-- blocked_by is set from a subquery over every tenant's tasks.
UPDATE tasks SET blocked_by = (SELECT x.id FROM tasks x WHERE x.title = $3 LIMIT 1)
WHERE tenant_id = $1 AND id = $2;

-- name: UpdateMilestoneProjectFromUnscopedJoin :execrows
-- project_id is set from an unrestricted scan of projects in UPDATE ... FROM.
UPDATE milestones m SET project_id = p.id
FROM projects p
WHERE p.name = $3 AND m.tenant_id = $1 AND m.id = $2;

-- name: UpsertSetsProjectParameter :exec
-- The insert takes the project from a restricted scan, but DO UPDATE SET writes a plain parameter.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, p.tenant_id, p.id, $3 FROM projects p WHERE p.tenant_id = $2 AND p.id = $4
ON CONFLICT (id) DO UPDATE SET project_id = $5, title = excluded.title WHERE milestones.tenant_id = $2;

-- name: MergeSetsBlockedByParameter :execrows
-- MERGE ... UPDATE SET blocked_by to a value from a parameter-only source.
MERGE INTO tasks t
USING (SELECT $2::uuid AS id, $3::uuid AS blocked_by) s
ON t.tenant_id = $1 AND t.id = s.id
WHEN MATCHED THEN UPDATE SET blocked_by = s.blocked_by;

-- name: MergeInsertsMilestoneProjectParameter :execrows
-- MERGE ... WHEN NOT MATCHED THEN INSERT writes a plain parameter into milestones.project_id.
MERGE INTO milestones m
USING (SELECT $2::uuid AS id, $3::uuid AS project_id, $4::text AS title) s
ON m.tenant_id = $1 AND m.id = s.id
WHEN NOT MATCHED THEN INSERT (id, tenant_id, project_id, title) VALUES (s.id, $1, s.project_id, s.title);

-- name: MultiRowBlockedByParameter :exec
-- Multi-row VALUES: the second row's blocked_by is a plain parameter.
INSERT INTO tasks (id, tenant_id, project_id, title, blocked_by)
VALUES ($1, $2, $3, $4, NULL),
       ($5, $2, $3, $6, $7);
