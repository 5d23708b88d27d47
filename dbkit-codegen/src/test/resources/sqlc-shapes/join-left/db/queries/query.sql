-- name: OwnersAndPets :many
SELECT o.id, o.name, p.id AS pet_id, p.name AS pet_name
FROM owners o
LEFT JOIN pets p ON p.owner_id = o.id
ORDER BY o.id;

-- name: OwnerAndPetsStar :many
SELECT * FROM owners LEFT JOIN pets ON pets.owner_id = owners.id WHERE owners.id = $1;
