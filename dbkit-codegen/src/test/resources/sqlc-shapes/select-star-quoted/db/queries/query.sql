-- name: ListPeople :many
SELECT * FROM people;

-- name: GetPersonByName :one
SELECT "ID", "Full Name" FROM people WHERE "Full Name" = $1;
