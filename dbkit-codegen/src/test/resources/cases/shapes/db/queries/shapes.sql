-- name: RecentTaskCounts :many
WITH recent AS (
    SELECT * FROM tasks WHERE tenant_id = $1 AND created_at > now() - interval '7 days'
)
SELECT p.id, p.name, count(r.id) AS tasks, rank() OVER (ORDER BY count(r.id) DESC) AS position
FROM projects p
JOIN recent r ON r.project_id = p.id
WHERE p.tenant_id = $1
GROUP BY p.id, p.name;

-- name: ProjectsWithOpenTasks :many
SELECT id, name FROM projects
WHERE tenant_id = $1
  AND id IN (SELECT project_id FROM tasks WHERE tenant_id = $1 AND NOT done);

-- name: UpsertProject :one
INSERT INTO projects (tenant_id, name, priority)
VALUES ($1, $2, $3)
ON CONFLICT (tenant_id, name) DO UPDATE SET priority = excluded.priority
RETURNING id, priority;

-- name: TasksOfProjects :many
SELECT id, title FROM tasks WHERE tenant_id = $1 AND project_id = ANY($2::uuid[]);

-- name: CompleteTasks :many
UPDATE tasks SET done = true WHERE tenant_id = $1 AND id = ANY($2::uuid[]) RETURNING id, done;

-- name: BusiestAssignees :many
SELECT assignee, count(*) AS open_tasks
FROM tasks
WHERE tenant_id = $1 AND NOT done AND assignee IS NOT NULL
GROUP BY assignee
HAVING count(*) > $2
ORDER BY open_tasks DESC;
