-- name: InsertBar :execlastid
INSERT INTO bar (note) VALUES ($1) RETURNING id;

-- name: InsertDefaultBar :execlastid
INSERT INTO bar DEFAULT VALUES RETURNING id;
