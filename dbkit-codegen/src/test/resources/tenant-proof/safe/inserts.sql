-- Inserts that write the tenant parameter (or the tenant_id of a bound scan) into tenant_id in every row,
-- and only provably-owned values into the tenant-unsafe foreign keys.

-- name: CreateProject :one
-- VALUES with the tenant parameter.
INSERT INTO projects (id, tenant_id, name, code, country, budget)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, status;

-- name: CreateProjectGeneratedId :one
-- gen_random_uuid() for the id, the status left to its default.
INSERT INTO projects (tenant_id, id, name) VALUES ($1, gen_random_uuid(), $2) RETURNING id;

-- name: CreateTask :one
-- tasks.project_id is a plain parameter: the composite foreign key (tenant_id, project_id) makes the database
-- refuse another tenant's project.
INSERT INTO tasks (id, tenant_id, project_id, title, assignee, estimate)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;

-- name: CreateTasksMultiRow :exec
-- Multi-row VALUES binding the same tenant parameter in every row.
INSERT INTO tasks (id, tenant_id, project_id, title)
VALUES ($1, $2, $3, $4),
       ($5, $2, $3, $6),
       ($7, $2, $3, $8);

-- name: CreateAuditEvent :one
-- audit_events with the tenant written explicitly, not left to the default.
INSERT INTO audit_events (tenant_id, action) VALUES ($1, $2) RETURNING id;

-- name: CreateTaskInProjectByName :one
-- A scalar subquery in VALUES, bound to the same tenant parameter.
INSERT INTO tasks (id, tenant_id, project_id, title)
VALUES ($1, $2, (SELECT id FROM projects WHERE tenant_id = $2 AND name = $3), $4)
RETURNING id;

-- name: CreateMilestoneGuarded :exec
-- The unsafe milestones.project_id reference guarded by EXISTS on the tenant's project with that id.
INSERT INTO milestones (id, tenant_id, project_id, title, due_on)
SELECT $1, $2, $3, $4, $5
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id = $2 AND p.id = $3);

-- name: CreateMilestoneFromScopedSubquery :exec
-- project_id comes from a bound scan of projects (NULL, refused by NOT NULL, when it is not the tenant's).
INSERT INTO milestones (id, tenant_id, project_id, title)
VALUES ($1, $2, (SELECT p.id FROM projects p WHERE p.tenant_id = $2 AND p.id = $3), $4);

-- name: CreateMilestoneSelectFromProject :one
-- INSERT ... SELECT: tenant_id and project_id both come from a bound scan of projects.
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT $1, p.tenant_id, p.id, $2 FROM projects p WHERE p.tenant_id = $3 AND p.id = $4
RETURNING id;

-- name: CreateTaskBlockedByScoped :exec
-- blocked_by comes from a bound scan of tasks.
INSERT INTO tasks (id, tenant_id, project_id, title, blocked_by)
SELECT $1, $2, $3, $4, b.id FROM tasks b WHERE b.tenant_id = $2 AND b.id = $5;

-- name: CreateTaskBlockedByGuarded :exec
-- blocked_by guarded by EXISTS on the tenant's task with that id.
INSERT INTO tasks (id, tenant_id, project_id, title, blocked_by)
SELECT $1, $2, $3, $4, $5
WHERE EXISTS (SELECT 1 FROM tasks b WHERE b.tenant_id = $2 AND b.id = $5);

-- name: CreateTaskNotBlocked :exec
-- blocked_by written as NULL.
INSERT INTO tasks (id, tenant_id, project_id, title, blocked_by) VALUES ($1, $2, $3, $4, NULL);

-- name: CopyTasksToProject :execrows
-- INSERT ... SELECT from a bound scan, tenant_id taken from that scan.
INSERT INTO tasks (id, tenant_id, project_id, title, assignee, estimate)
SELECT gen_random_uuid(), t.tenant_id, $3, t.title, t.assignee, t.estimate
FROM tasks t
WHERE t.tenant_id = $1 AND t.project_id = $2;

-- name: CreateFlagIgnoreDuplicate :exec
-- ON CONFLICT DO NOTHING updates nothing.
INSERT INTO feature_flags (id, tenant_id, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;

-- name: CreateFlagsFromKeys :execrows
-- One flag per key of an array parameter: unnest feeds the keys, the tenant is the parameter.
INSERT INTO feature_flags (id, tenant_id, key)
SELECT gen_random_uuid(), $1, k FROM unnest($2::text[]) AS k;
