-- name: AddTasks :copyfrom
-- sqlc's :copyfrom: every row in one statement, the tenant written into each from TenantContext.
INSERT INTO tasks (tenant_id, project_id, title, done, estimate) VALUES ($1, $2, $3, $4, $5);

-- name: AddProjects :copyfrom
-- Every column type of the row, each sent as one array.
INSERT INTO projects (tenant_id, name, status, budget, starts_on, priority, score, views, archived, logo, settings, reviewed_at)
VALUES (@tenant_id, @name, @status, @budget, @starts_on, @priority, @score, @views, @archived, @logo, @settings, @reviewed_at);

-- name: AddTitles :copyfrom
-- One column besides the tenant: the method takes the list of its values.
INSERT INTO tasks (tenant_id, title) VALUES ($1, $2);

-- name: AddCountries :copyfrom
-- dbkit:cross-tenant
-- A platform table: every parameter is the caller's.
INSERT INTO countries (code, name) VALUES ($1, $2);

-- name: CompleteTasks :batchexec
-- sqlc's :batchexec: one run per element, pipelined, in one transaction; the rows each run affected.
UPDATE tasks SET done = true WHERE tenant_id = $1 AND id = $2;

-- name: RenameTasks :batchexec
UPDATE tasks SET title = $3 WHERE tenant_id = $1 AND title = $2;

-- name: ProjectByName :batchone
-- sqlc's :batchone: the first row of each run, or empty.
SELECT * FROM projects WHERE tenant_id = $1 AND name = $2;

-- name: TasksOfProjects :batchmany
-- sqlc's :batchmany: the rows of each run.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND project_id = $2 ORDER BY title;

-- name: CreateProjects :batchone
-- A write that returns its row: all items or, when one fails, none.
INSERT INTO projects (tenant_id, name) VALUES ($1, $2) RETURNING id;
