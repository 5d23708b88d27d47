-- name: ListDescriptions :many
SELECT * FROM descriptions;

-- name: AddDescription :one
INSERT INTO descriptions (txt) VALUES ($1) RETURNING serial_no, id;
