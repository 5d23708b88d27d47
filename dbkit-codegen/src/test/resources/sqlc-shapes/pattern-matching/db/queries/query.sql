-- name: PetsLike :many
SELECT name FROM pets WHERE name LIKE $1;

-- name: PetsILike :many
SELECT name FROM pets WHERE name ILIKE $1;

-- name: PetsSimilar :many
SELECT name FROM pets WHERE name SIMILAR TO $1;

-- name: PetsRegex :many
SELECT name FROM pets WHERE name ~ $1;
