-- Joins where one of the scanned tables is not bound to the tenant.

-- name: MilestonesFilteredOnProjectOnly :many
-- The parameter is compared with the tenant of the wrong table: milestones.project_id is a tenant-unsafe
-- foreign key, so other tenants' milestones that point at the tenant's projects are returned.
SELECT m.id, m.title
FROM milestones m
JOIN projects p ON p.id = m.project_id
WHERE p.tenant_id = $1;

-- name: ProjectThroughMilestoneUnscoped :many
-- The milestones are the tenant's, but the project they point at may be another tenant's (unsafe foreign key).
SELECT m.title, p.name, p.budget
FROM milestones m
JOIN projects p ON p.id = m.project_id
WHERE m.tenant_id = $1;

-- name: CrossJoinUnscopedProjects :many
-- An implicit cross join: the second table is filtered by name only.
SELECT t.id, p.name
FROM tasks t, projects p
WHERE t.tenant_id = $1 AND p.name = $2;

-- name: TenantColumnsEquatedButNeverBound :many
-- Both tenant columns are equated with each other but neither with a parameter:
-- any tenant's project named $1 with its tasks.
SELECT p.name, t.title
FROM tasks t
JOIN projects p ON p.tenant_id = t.tenant_id AND p.id = t.project_id
WHERE p.name = $1;

-- name: TenantChainAnchoredOnProjectId :many
-- The tenant columns are chained, but the chain is anchored on a caller-chosen project id, not on the tenant.
SELECT t.id, t.title
FROM tasks t, projects p
WHERE t.tenant_id = p.tenant_id AND t.project_id = p.id AND p.id = $1;

-- name: BlockerThroughUnsafeForeignKey :many
-- tasks.blocked_by is a tenant-unsafe foreign key: the blocking task may be another tenant's.
SELECT t.id, b.title AS blocker
FROM tasks t
JOIN tasks b ON b.id = t.blocked_by
WHERE t.tenant_id = $1;

-- name: TasksBlockedByMine :many
-- The reverse direction: other tenants' tasks whose blocked_by points at the tenant's tasks.
SELECT t.id, x.title AS blocked
FROM tasks t
JOIN tasks x ON x.blocked_by = t.id
WHERE t.tenant_id = $1;

-- name: SelfJoinOnAssignee :many
-- Joins other tasks with the same assignee, in every tenant.
SELECT t.id, o.title AS also_assigned
FROM tasks t
JOIN tasks o ON o.assignee = t.assignee AND o.id <> t.id
WHERE t.tenant_id = $1;

-- name: JoinUsingTitleOnly :many
-- JOIN ... USING (title) matches milestones of every tenant with the same title.
SELECT t.id, m.due_on
FROM tasks t
JOIN milestones m USING (title)
WHERE t.tenant_id = $1;

-- name: JoinOnTenantInequality :many
-- The join pairs the tenant's tasks with the projects of every other tenant.
SELECT t.id, p.name
FROM tasks t
JOIN projects p ON p.tenant_id <> t.tenant_id
WHERE t.tenant_id = $1;

-- name: JoinOnTenantOrArchived :many
-- The join condition ORs the tenant equality with a status: archived projects of every tenant join in.
SELECT t.id, p.name
FROM tasks t
JOIN projects p ON p.tenant_id = t.tenant_id OR p.status = 'archived'
WHERE t.tenant_id = $1;

-- name: LeftJoinNullableSideUnscoped :many
-- LEFT JOIN with the tenant filter only on the preserved side: the joined milestones may be other tenants'
-- (they point at the tenant's projects through the unsafe foreign key).
SELECT p.name, m.title
FROM projects p
LEFT JOIN milestones m ON m.project_id = p.id
WHERE p.tenant_id = $1;

-- name: LeftJoinNullableSideOrIsNull :many
-- The common "m.tenant_id = $1 OR m.tenant_id IS NULL" pattern: another tenant's milestone on the project
-- makes the project's row disappear, which tells that such a milestone exists.
SELECT p.name, m.title
FROM projects p
LEFT JOIN milestones m ON m.project_id = p.id
WHERE p.tenant_id = $1 AND (m.tenant_id = $1 OR m.tenant_id IS NULL);

-- name: LeftJoinPreservedSideFilteredInOn :many
-- The preserved side's tenant condition is in the ON clause of the LEFT JOIN:
-- it only decides the match, every tenant's tasks are returned.
SELECT t.id, t.title, p.name
FROM tasks t
LEFT JOIN projects p ON p.id = t.project_id AND p.tenant_id = t.tenant_id AND t.tenant_id = $1;

-- name: RightJoinPreservedSideUnscoped :many
-- RIGHT JOIN: tasks is the preserved side and is only mentioned in the ON clause.
SELECT t.id, t.title, p.name
FROM projects p
RIGHT JOIN tasks t ON t.project_id = p.id AND t.tenant_id = p.tenant_id AND p.tenant_id = $1;

-- name: FullJoinUnscopedSide :many
-- FULL JOIN of the tenant's projects with all tasks: the unmatched tasks of every tenant are returned.
SELECT p.name, t.title
FROM (SELECT id, name FROM projects WHERE tenant_id = $1) p
FULL JOIN tasks t ON t.project_id = p.id;

-- name: LateralWithoutTenant :many
-- The LATERAL subquery follows the unsafe milestones.project_id reference without binding its tenant.
SELECT p.name, x.title
FROM projects p
CROSS JOIN LATERAL (
    SELECT m.title FROM milestones m WHERE m.project_id = p.id ORDER BY m.due_on LIMIT 3
) x
WHERE p.tenant_id = $1;

-- name: LeftJoinLateralCountsEveryTenant :many
-- A LEFT JOIN LATERAL ... ON true counts tasks with the same assignee in every tenant.
SELECT t.id, c.n
FROM tasks t
LEFT JOIN LATERAL (SELECT count(*) AS n FROM tasks x WHERE x.assignee = t.assignee) c ON true
WHERE t.tenant_id = $1;

-- name: ProjectsOfTenantChosenByName :many
-- The tenant is chosen through the global tenants table by a caller-supplied name.
SELECT p.id, p.name
FROM tenants te
JOIN projects p ON p.tenant_id = te.id
WHERE te.name = $1;
