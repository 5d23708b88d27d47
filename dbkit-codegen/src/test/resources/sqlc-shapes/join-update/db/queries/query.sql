-- name: ApplyDelivery :exec
UPDATE stock SET on_hand = stock.on_hand + d.amount
FROM deliveries d
WHERE d.product_id = stock.product_id AND d.id = $1;
