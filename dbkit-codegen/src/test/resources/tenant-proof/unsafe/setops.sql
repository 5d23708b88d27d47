-- UNION, EXCEPT and INTERSECT with a branch that is not bound to the tenant.

-- name: UnionWithTaskById :many
-- The second branch reads any tenant's task by id.
SELECT id, title FROM tasks WHERE tenant_id = $1
UNION
SELECT id, title FROM tasks WHERE id = $2;

-- name: UnionAllMilestonesOfAnyProject :many
-- The second branch reads milestones by project id only.
SELECT id, title FROM tasks WHERE tenant_id = $1
UNION ALL
SELECT id, title FROM milestones WHERE project_id = $2;

-- name: ExceptRevealsSharedTitles :many
-- The tenant's titles minus the other tenants' titles: tells which titles other tenants also use.
SELECT title FROM tasks WHERE tenant_id = $1
EXCEPT
SELECT title FROM tasks WHERE tenant_id <> $1;

-- name: IntersectWithEveryProjectName :many
-- INTERSECT with an unscoped branch: which of the tenant's titles are a project name somewhere.
SELECT title FROM tasks WHERE tenant_id = $1
INTERSECT
SELECT name FROM projects;

-- name: ExceptOthersMinusMine :many
-- Every tenant's titles minus the tenant's own: the titles of other tenants.
SELECT title FROM tasks
EXCEPT
SELECT title FROM tasks WHERE tenant_id = $1;

-- name: UnionInSubqueryWithLimitedBranch :many
-- The filter outside is pushed into the union's branches except the one with a LIMIT:
-- the first 10 tasks of the platform decide what that branch returns.
SELECT u.id, u.title
FROM ((SELECT id, tenant_id, title FROM tasks ORDER BY id LIMIT 10)
      UNION ALL
      (SELECT id, tenant_id, name FROM projects WHERE tenant_id = $1)) u
WHERE u.tenant_id = $1;

-- name: UnionInsideInSubquery :many
-- A UNION inside an IN subquery: its second branch reads blocked_by of every tenant's tasks.
SELECT id
FROM tasks
WHERE tenant_id = $1
  AND id IN (SELECT blocked_by FROM tasks WHERE tenant_id = $1
             UNION
             SELECT blocked_by FROM tasks WHERE assignee = $2);

-- name: IntersectAllCountsOtherTenants :many
-- INTERSECT ALL keeps as many copies as the smaller side: the count depends on every tenant's done tasks.
SELECT assignee FROM tasks WHERE tenant_id = $1
INTERSECT ALL
SELECT assignee FROM tasks WHERE done;
