-- Subqueries (scalar, EXISTS, IN, ANY, ALL, in LIMIT, ORDER BY, CASE, ON) that read other tenants' rows.

-- name: TasksWithPlatformTotal :many
-- A scalar subquery in the select list counts every tenant's tasks.
SELECT id, title, (SELECT count(*) FROM tasks) AS platform_total
FROM tasks
WHERE tenant_id = $1;

-- name: BlockerTitleScalarSubquery :many
-- A correlated scalar subquery follows the unsafe blocked_by reference into another tenant.
SELECT t.id, (SELECT b.title FROM tasks b WHERE b.id = t.blocked_by) AS blocker
FROM tasks t
WHERE t.tenant_id = $1;

-- name: ProjectCodeExistsAnywhere :one
-- EXISTS over all tenants: an existence oracle for another tenant's project code.
SELECT EXISTS (SELECT 1 FROM projects WHERE code = $1);

-- name: TitlesUniqueAcrossTenants :many
-- NOT EXISTS over every tenant: tells which of the tenant's titles no other tenant uses.
SELECT t.id, t.title
FROM tasks t
WHERE t.tenant_id = $1
  AND NOT EXISTS (SELECT 1 FROM tasks o WHERE o.title = t.title AND o.id <> t.id);

-- name: TitlesMatchingAnyProject :many
-- IN (subquery) over every tenant's project names.
SELECT t.id, t.title
FROM tasks t
WHERE t.tenant_id = $1 AND t.title IN (SELECT name FROM projects);

-- name: AssigneesNotInOtherTenants :many
-- NOT IN (subquery) over every tenant's done tasks.
SELECT t.id, t.assignee
FROM tasks t
WHERE t.tenant_id = $1
  AND t.assignee NOT IN (SELECT assignee FROM tasks WHERE done AND assignee IS NOT NULL);

-- name: MyTasksBlockingAnyTask :many
-- = ANY (ARRAY(subquery)) over every tenant's blocked_by values: which of the tenant's tasks block another tenant's.
SELECT t.id
FROM tasks t
WHERE t.tenant_id = $1
  AND t.id = ANY (ARRAY(SELECT blocked_by FROM tasks WHERE blocked_by IS NOT NULL));

-- name: EstimateAboveEveryTenant :many
-- > ALL (subquery) compares with every tenant's estimates: reveals the platform maximum.
SELECT t.id
FROM tasks t
WHERE t.tenant_id = $1
  AND t.estimate > ALL (SELECT estimate FROM tasks WHERE estimate IS NOT NULL);

-- name: LimitFromPlatformCount :many
-- The number of rows returned is a count over every tenant's projects.
SELECT id, title
FROM tasks
WHERE tenant_id = $1
ORDER BY id
LIMIT (SELECT count(*) FROM projects WHERE code LIKE $2);

-- name: OrderByOtherTenantsMilestones :many
-- The order of the tenant's projects reveals how many milestones (of any tenant) point at each.
SELECT p.id, p.name
FROM projects p
WHERE p.tenant_id = $1
ORDER BY (SELECT count(*) FROM milestones m WHERE m.project_id = p.id) DESC;

-- name: ProjectNameTakenElsewhere :many
-- A CASE over an EXISTS tells whether another tenant uses the same project name.
SELECT p.id,
       CASE WHEN EXISTS (SELECT 1 FROM projects o WHERE o.name = p.name AND o.id <> p.id) THEN 'taken' ELSE 'unique' END AS status
FROM projects p
WHERE p.tenant_id = $1;

-- name: JoinConditionWithPlatformMaximum :many
-- A subquery in the join condition compares with the maximum budget of every tenant.
SELECT t.id, p.name
FROM tasks t
JOIN projects p ON p.id = t.project_id AND p.tenant_id = t.tenant_id
    AND p.budget < (SELECT max(budget) FROM projects)
WHERE t.tenant_id = $1;

-- name: ShadowedAliasInExists :many
-- The subquery's alias t shadows the outer t: the tenant condition binds the inner scan,
-- the outer tasks are unfiltered.
SELECT t.id, t.title
FROM tasks t
WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = $1);

-- name: OuterTenantColumnCapturedInSubquery :many
-- The derived table x has no tenant_id column, so the unqualified tenant_id in the subquery
-- resolves to the outer t.tenant_id: the inner tasks are not filtered at all.
SELECT t.id
FROM tasks t
WHERE t.tenant_id = $1
  AND t.assignee IN (SELECT x.assignee FROM (SELECT assignee FROM tasks WHERE done) x WHERE tenant_id = $1);

-- name: DivisionByZeroOracle :many
-- An error oracle: the division fails when no project in any tenant has the code $2.
SELECT id
FROM tasks
WHERE tenant_id = $1 AND 1 / (SELECT count(*) FROM projects WHERE code = $2) > 0;

-- name: ArrayOfEveryProjectName :one
-- ARRAY(subquery) with every tenant's project names.
SELECT ARRAY(SELECT name FROM projects ORDER BY name) AS names;

-- name: ValuesStatementWithSubquery :one
-- A bare VALUES statement whose row is a count over every tenant.
VALUES ((SELECT count(*) FROM milestones));

-- name: SemiJoinOnUnsafeForeignKey :many
-- IN (subquery of the tenant's projects) over milestones.project_id: other tenants' milestones
-- that point at the tenant's projects.
SELECT m.id, m.title
FROM milestones m
WHERE m.project_id IN (SELECT p.id FROM projects p WHERE p.tenant_id = $1);

-- name: ProjectsReachedThroughMyMilestones :many
-- EXISTS on the tenant's milestones selects the projects they point at, which may be other tenants'.
SELECT p.id, p.name, p.budget
FROM projects p
WHERE EXISTS (SELECT 1 FROM milestones m WHERE m.project_id = p.id AND m.tenant_id = $1);
