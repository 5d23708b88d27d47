-- task_comments has no tenant_id: its rows belong to a tenant only through task_id, which is not a tenant-safe
-- reference. It is refused in every form, even when the join to tasks would make a read correct (fail closed).

-- name: AllComments :many
-- Every tenant's comments.
SELECT id, body FROM task_comments;

-- name: CommentsOfAnyTask :many
-- Comments by a caller-chosen task id.
SELECT id, body FROM task_comments WHERE task_id = $1;

-- name: CommentBodyExistsAnywhere :one
-- An existence oracle over every tenant's comments.
SELECT EXISTS (SELECT 1 FROM task_comments WHERE body = $1);

-- name: CommentsJoinedToScopedTasks :many
-- Joined to the tenant's tasks: the child table is still not provably scoped.
SELECT c.id, c.body
FROM task_comments c
JOIN tasks t ON t.id = c.task_id
WHERE t.tenant_id = $1;

-- name: CommentsInSubqueryOfScopedTasks :many
-- Filtered by IN (the tenant's task ids).
SELECT c.id, c.body
FROM task_comments c
WHERE c.task_id IN (SELECT id FROM tasks WHERE tenant_id = $1);

-- name: CommentsViaScopedCte :many
-- Joined to a CTE of the tenant's tasks.
WITH mine AS (SELECT id FROM tasks WHERE tenant_id = $1)
SELECT c.body FROM task_comments c JOIN mine ON mine.id = c.task_id;

-- name: CommentCountLateral :many
-- A LATERAL count of comments per task of the tenant.
SELECT t.id, n.comments
FROM tasks t
CROSS JOIN LATERAL (SELECT count(*) AS comments FROM task_comments c WHERE c.task_id = t.id) n
WHERE t.tenant_id = $1;

-- name: CommentsOfBlockerScalarSubquery :many
-- Follows blocked_by into another tenant's task and reads its comments.
SELECT t.id, (SELECT string_agg(c.body, ' ') FROM task_comments c WHERE c.task_id = t.blocked_by) AS blocker_comments
FROM tasks t
WHERE t.tenant_id = $1;

-- name: CommentsTenantColumnCaptured :many
-- task_comments has no tenant_id, so tenant_id in the subquery is the outer t.tenant_id:
-- the comments of every tenant are searched.
SELECT t.id
FROM tasks t
WHERE t.tenant_id = $1
  AND EXISTS (SELECT 1 FROM task_comments c WHERE tenant_id = $1 AND c.body = $2);

-- name: InsertCommentOnAnyTask :exec
-- A comment on any tenant's task.
INSERT INTO task_comments (id, task_id, body) VALUES ($1, $2, $3);

-- name: InsertCommentGuarded :exec
-- Guarded by EXISTS on the tenant's task: still a write into a table that is not provably scoped.
INSERT INTO task_comments (id, task_id, body)
SELECT $1, $2, $3
WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = $4 AND t.id = $2);

-- name: InsertCommentsFromScopedTasks :exec
-- One comment on each of the tenant's open tasks.
INSERT INTO task_comments (id, task_id, body)
SELECT gen_random_uuid(), t.id, $2 FROM tasks t WHERE t.tenant_id = $1 AND NOT t.done;

-- name: UpdateCommentById :execrows
-- Any tenant's comment by id.
UPDATE task_comments SET body = $2 WHERE id = $1;

-- name: UpdateCommentsOfScopedTask :execrows
-- UPDATE ... FROM the tenant's tasks.
UPDATE task_comments c SET body = $3
FROM tasks t
WHERE t.id = c.task_id AND t.tenant_id = $1 AND c.id = $2;

-- name: DeleteCommentsOfAnyTask :execrows
-- Any tenant's comments by task id.
DELETE FROM task_comments WHERE task_id = $1;

-- name: DeleteCommentUsingScopedTasks :execrows
-- DELETE ... USING the tenant's tasks.
DELETE FROM task_comments c
USING tasks t
WHERE t.id = c.task_id AND t.tenant_id = $1 AND c.id = $2;

-- name: UpsertCommentOnId :exec
-- ON CONFLICT (id) rewrites any tenant's comment.
INSERT INTO task_comments (id, task_id, body) VALUES ($1, $2, $3)
ON CONFLICT (id) DO UPDATE SET body = excluded.body;

-- name: MergeComment :execrows
-- MERGE into the child table by comment id.
MERGE INTO task_comments c
USING (SELECT $1::uuid AS id, $2::text AS body) s
ON c.id = s.id
WHEN MATCHED THEN UPDATE SET body = s.body;
