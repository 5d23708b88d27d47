-- name: BigBuyers :many
SELECT buyer, sum(total) AS spent
FROM purchases
GROUP BY buyer
HAVING sum(total) > $1;
