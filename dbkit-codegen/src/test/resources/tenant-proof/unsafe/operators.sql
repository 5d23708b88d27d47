-- Operators that look like equality and are not, or are not the binding equality.

-- name: FakeEqualityOperator :many
-- === is a user operator that is always true.
SELECT id, title FROM tasks WHERE tenant_id === $1;

-- name: FakeEqualityOperatorSyntax :many
-- The same operator spelled OPERATOR(public.===).
SELECT id, title FROM tasks WHERE tenant_id OPERATOR(public.===) $1;

-- name: FakeEqualityInJoin :many
-- === in a join condition: every tenant's projects join every task.
SELECT t.id, p.name
FROM tasks t
JOIN projects p ON p.tenant_id === t.tenant_id
WHERE t.tenant_id = $1;

-- name: FakeEqualityInExists :many
-- === in an EXISTS guard.
SELECT p.id
FROM projects p
WHERE p.tenant_id === $1 AND EXISTS (SELECT 1 FROM tasks t WHERE t.project_id = p.id);

-- name: BangEqualsTenant :many
-- != is <>: every other tenant.
SELECT id, title FROM tasks WHERE tenant_id != $1;

-- name: RegexOnTenantText :many
-- A regular expression on the text of tenant_id: the caller passes '.'.
SELECT id, title FROM tasks WHERE tenant_id::text ~ $1;

-- name: FakeEqualityInUpdate :execrows
-- === in the WHERE clause of an UPDATE: every tenant's tasks are closed.
UPDATE tasks SET done = true WHERE tenant_id === $1 AND project_id = $2;

-- name: FakeEqualityInDelete :execrows
-- === in the WHERE clause of a DELETE.
DELETE FROM feature_flags WHERE tenant_id === $1 AND key = $2;
