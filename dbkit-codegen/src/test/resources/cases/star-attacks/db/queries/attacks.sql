-- Found by an attacker (docs/attacks/2026-12-01-bulk.md): a star or an embed written out as column names after the
-- proof looked names up by name where the star took columns by position. Each is analysed again written out, and
-- sent as written (and proved) where the meaning differs.

-- name: ArchiveSwap :one
-- The star takes s's columns by position: $2 goes into tenant_id. Written out by name, $1 would.
INSERT INTO tasks
SELECT * FROM (SELECT $2::uuid AS tenant_id, $1::uuid AS id, NULL::uuid AS project_id, $3::text AS title,
  false AS done, NULL::text AS assignee, NULL::int4 AS estimate, now() AS created_at) s
RETURNING id, tenant_id, project_id, title, done, assignee, estimate, created_at;

-- name: EmbedSwap :one
INSERT INTO tasks
SELECT sqlc.embed(s) FROM (SELECT $2::uuid AS tenant_id, $1::uuid AS id, NULL::uuid AS project_id, $3::text AS title,
  false AS done, NULL::text AS assignee, NULL::int4 AS estimate, now() AS created_at) s
RETURNING *;

-- name: RenamingSubquery :many
-- Read-only: s renames tasks' columns; written out by name, tenantId would hold the project id.
SELECT sqlc.embed(s) FROM (SELECT id, tenant_id AS project_id, project_id AS tenant_id, title, done, assignee,
  estimate, created_at FROM tasks WHERE tenant_id = $1) s;

-- name: HonestStar :many
-- The plain case is still written out.
SELECT * FROM tasks WHERE tenant_id = $1 ORDER BY title;

-- name: TasksWithProjectNames :many
-- t.* among other items, over a join: written out too (and analysed again).
SELECT t.*, p.name AS project_name FROM tasks t JOIN projects p ON p.tenant_id = t.tenant_id AND p.id = t.project_id
WHERE t.tenant_id = $1 ORDER BY t.title;

-- name: TasksAndProjects :many
-- A bare * over a join: each table's columns, written out with its alias.
SELECT * FROM tasks t JOIN projects AS p ON p.tenant_id = t.tenant_id AND p.id = t.project_id
WHERE t.tenant_id = $1 ORDER BY t.title;

-- name: TasksAndProjectsUsing :many
-- USING merges a column: sent as written.
SELECT * FROM tasks JOIN projects USING (tenant_id) WHERE tenant_id = $1;

-- name: SwapsTwoColumns :one
-- Not the tenant, but still another meaning: s's title and assignee would trade places by name.
INSERT INTO tasks
SELECT * FROM (SELECT gen_random_uuid() AS id, $1::uuid AS tenant_id, NULL::uuid AS project_id, $3::text AS assignee,
  false AS done, $2::text AS title, NULL::int4 AS estimate, now() AS created_at) s
RETURNING id, tenant_id, project_id, title, done, assignee, estimate, created_at;
