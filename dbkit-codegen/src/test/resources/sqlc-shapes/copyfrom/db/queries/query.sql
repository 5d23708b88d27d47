-- name: InsertValues :copyfrom
-- InsertValues inserts many rows in one statement.
INSERT INTO myschema.foo (a, b, c, d) VALUES ($1, $2, $3, $4);

-- name: InsertSingleValue :copyfrom
INSERT INTO myschema.foo (a) VALUES ($1);
