-- The unsafe twins of the bulk commands and embeds: each runs its statement as any query does, so each is refused
-- for the same reasons.

-- name: CompletesAnyTenantsTasks :batchexec
UPDATE tasks SET done = true WHERE id = $1;

-- name: ReadsAnyTenantsProjectsInABatch :batchmany
SELECT id, name FROM projects WHERE name = $1;

-- name: FirstOfAnyTenantInABatch :batchone
SELECT * FROM projects WHERE id = $1;

-- name: CopiesIntoAGlobalTable :copyfrom
-- countries is every tenant's: a platform operation.
INSERT INTO countries (code, name) VALUES ($1, $2);

-- name: CopiesRowsWithoutATenant :copyfrom
-- The rows would take tenant_id's default, or none: no parameter writes the tenant into them.
INSERT INTO tasks (title) VALUES ($1);

-- name: EmbedsEveryTenantsTasks :many
SELECT sqlc.embed(t) FROM tasks t;

-- name: EmbedsAnOuterJoinedProjectOfAnyTenant :many
SELECT sqlc.embed(t), sqlc.embed(p) FROM tasks t LEFT JOIN projects p ON p.id = t.project_id WHERE t.tenant_id = $1;

-- name: StreamsEveryTenantsTasks :many
-- dbkit:stream
SELECT title FROM tasks ORDER BY title;
