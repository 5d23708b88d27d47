-- name: AllPetNames :many
SELECT name FROM cats
UNION
SELECT name FROM dogs
ORDER BY name
LIMIT $1;
