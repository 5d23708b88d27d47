-- name: Any :many
SELECT id FROM bar WHERE id = ANY($1::bigint[]);

-- name: AnyNamed :many
SELECT id FROM bar WHERE name = ANY(@names::text[]) AND id > @min_id;
