-- name: AllProjects :many
SELECT * FROM projects;

-- name: LeakyOr :many
SELECT id FROM tasks WHERE tenant_id = $1 OR assignee = $2;

-- name: UnscopedJoin :many
SELECT t.id, p.name
FROM tasks t
JOIN projects p ON p.id = t.project_id
WHERE t.tenant_id = $1;

-- name: CopyTasks :exec
INSERT INTO tasks (tenant_id, title) SELECT tenant_id, name FROM projects;

-- name: UpdateAnyTenant :exec
UPDATE tasks SET done = true WHERE id = $1;

-- name: ConflictOnId :exec
INSERT INTO tasks (id, tenant_id, title) VALUES ($1, $2, $3)
ON CONFLICT (id) DO UPDATE SET title = excluded.title;

-- name: NotEqualTenant :many
SELECT id FROM tasks WHERE tenant_id <> $1;
