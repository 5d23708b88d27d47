-- Round 3: a reference to the row the statement itself inserts for the tenant.

-- name: CreateProjectWithFirstMilestone :exec
-- The referenced value is the id of the project row this very statement inserts for the tenant (RETURNING id of an
-- INSERT INTO projects whose tenant_id is proved); the insert fails if $2 is taken, so the milestone can only
-- point at the tenant's new project. TenantProof.ownedReference accepts a Var at a ModifyTable only when it is the
-- current write's own column (leaf.at() == modify); a RETURNING column that is the referenced table's own
-- referenced key (projects.id from an INSERT INTO projects) could be accepted as a proved row of projects.
-- (Unlike unsafe/round2-references CteReturningFlagIdAsProjectReference, the CTE writes the referenced table.)
WITH p AS (
    INSERT INTO projects (id, tenant_id, name) VALUES ($2, $1, $3) RETURNING id, tenant_id
)
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $4, p.tenant_id, p.id, $5 FROM p;

-- name: ListTasksEchoingRequest :many
-- Once misread: dbkit's lexer took `$$` after `task€` for a dollar quote, so `$1` reached the driver as
-- text and bound the caller's value. PostgreSQL, pgjdbc and now dbkit read `task€$$` as one identifier:
-- the tenant parameter is bound.
SELECT $2::uuid AS request_id, id, title
FROM tasks AS task€$$
WHERE tenant_id = $1
ORDER BY task€$$.title;

-- ---------------------------------------------------------------------------------------------------------------
-- 3. The plan that runs is not the generic plan of the empty analysis database.
-- ---------------------------------------------------------------------------------------------------------------
