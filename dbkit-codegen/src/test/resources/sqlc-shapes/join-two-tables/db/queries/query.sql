-- name: OrderLines :many
SELECT c.name, p.sku, o.quantity
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN products p ON p.id = o.product_id
WHERE c.id = $1;
