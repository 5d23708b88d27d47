-- name: FirstArticles :many
SELECT id, title FROM articles ORDER BY id LIMIT $1;

-- name: PageOfArticles :many
SELECT id, title FROM articles ORDER BY id LIMIT $1 OFFSET $2;

-- name: NamedPage :many
SELECT id, title FROM articles ORDER BY id LIMIT @page_size OFFSET @skip;
