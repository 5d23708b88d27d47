-- name: InsertTwoRows :exec
INSERT INTO foo (a, b) VALUES ($1, $2), ($3, $4);

-- name: InsertWithDefault :exec
INSERT INTO foo (a, b) VALUES (DEFAULT, $1);

-- name: InsertDefaults :exec
INSERT INTO foo DEFAULT VALUES;
