-- name: ListProductsSorted :many
SELECT id, name, price FROM products
ORDER BY
    CASE WHEN @by_name::boolean THEN name END ASC,
    CASE WHEN NOT @by_name::boolean THEN price END DESC;
