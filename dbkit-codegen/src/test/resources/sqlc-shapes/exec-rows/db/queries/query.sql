-- name: DeleteBarByID :execrows
DELETE FROM bar WHERE id = $1;

-- name: TouchAll :execrows
UPDATE bar SET touched = true;
