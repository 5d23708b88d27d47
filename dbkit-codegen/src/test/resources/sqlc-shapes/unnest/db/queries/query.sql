-- name: Unnest :many
SELECT unnest($1::integer[]) AS value;

-- name: InsertTags :exec
INSERT INTO memories (tag) SELECT unnest(@tags::text[]);

-- name: UnnestPairs :many
SELECT * FROM unnest(@ids::integer[], @names::text[]) AS t(id, name);
