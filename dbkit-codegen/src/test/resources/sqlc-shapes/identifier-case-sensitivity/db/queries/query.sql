-- name: ListAuthors :many
SELECT "ID", "Name", bio FROM "Authors";

-- name: GetAuthorByName :one
SELECT * FROM "Authors" WHERE "Name" = $1;

-- name: ListBooksUnquoted :many
SELECT ID, TITLE FROM Books;
