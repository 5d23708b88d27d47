/* name: BlockComment :one */
SELECT bar FROM foo LIMIT 1;

-- name: DoubleDash :one
-- DoubleDash returns the first bar.
SELECT bar FROM foo LIMIT 1; -- trailing comment

/* name: BlockCommentMany :many */
SELECT bar /* inline */ FROM foo;
