-- name: SelectFoo :exec
SELECT * FROM docs;

-- name: Fields :many
SELECT d ->> 'name' AS name, d -> 'tags' AS tags, d #>> '{a,b}' AS nested FROM docs WHERE id = $1;

-- name: InsertDoc :exec
INSERT INTO docs (id, b, d) VALUES ($1, $2, $3);
