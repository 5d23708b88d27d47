-- name: TextArray :many
SELECT tags, notes FROM bar;

-- name: InsertTags :exec
INSERT INTO bar (id, tags) VALUES ($1, $2);

-- name: SelectTextArray :one
SELECT $1::text[] AS value;
