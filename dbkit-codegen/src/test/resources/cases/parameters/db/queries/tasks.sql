-- name: PageTasks :many
SELECT id, title FROM tasks
WHERE tenant_id = $1
ORDER BY created_at
LIMIT $2 OFFSET $3;

-- name: FindTasks :many
-- Named parameters; sqlc.narg makes a parameter nullable.
SELECT id, title FROM tasks
WHERE tenant_id = @tenant_id
  AND title LIKE @pattern
  AND (sqlc.narg(assignee)::text IS NULL OR assignee = sqlc.narg(assignee));

-- name: TasksByEstimate :many
SELECT id FROM tasks
WHERE tenant_id = sqlc.arg(tenant_id) AND sqlc.arg(shortest) <= estimate AND estimate <= sqlc.arg(longest);

-- name: TasksBetween :many
SELECT id FROM tasks WHERE tenant_id = $1 AND $2 <= estimate AND estimate <= $3;

-- name: SearchTasks :many
SELECT id FROM tasks WHERE tenant_id = $1 AND (title = $2 OR assignee = $2);

-- name: CreateTask :one
INSERT INTO tasks (tenant_id, project_id, title, done, assignee, estimate)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;

-- name: MoveTasks :execrows
UPDATE tasks SET project_id = $2 WHERE tenant_id = $1 AND project_id = $3;

-- name: SearchTasksByTitleOrAnyone :many
-- $2 twice, the second time where nothing tells its type: each occurrence is its own JDBC placeholder.
SELECT id FROM tasks WHERE tenant_id = $1 AND (title = $2 OR $2 IS NULL);
