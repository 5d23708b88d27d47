-- name: TaskWithProject :one
-- sqlc.embed: each table's row as a nested record; a task always has its project here (inner join).
SELECT sqlc.embed(t), sqlc.embed(p) FROM tasks t JOIN projects p ON p.tenant_id = t.tenant_id AND p.id = t.project_id
WHERE t.tenant_id = $1 AND t.id = $2;

-- name: TasksWithOptionalProject :many
-- From the nullable side of an outer join the embedded record is itself nullable (null when the task has no project):
-- the plan says so, sqlc cannot tell.
SELECT t.title, sqlc.embed(projects), t.done
FROM tasks t LEFT JOIN projects ON projects.tenant_id = t.tenant_id AND projects.id = t.project_id
WHERE t.tenant_id = $1 ORDER BY t.title;

-- name: EmbeddedAlone :many
-- An embed alone is still a row record with one component.
SELECT sqlc.embed(projects) FROM projects WHERE tenant_id = $1 ORDER BY name;

-- name: TaskPairs :many
-- One table embedded twice: the components take the aliases.
SELECT sqlc.embed(a), sqlc.embed(b) FROM tasks a JOIN tasks b ON b.tenant_id = a.tenant_id AND b.project_id = a.project_id
WHERE a.tenant_id = $1 AND a.id < b.id;
