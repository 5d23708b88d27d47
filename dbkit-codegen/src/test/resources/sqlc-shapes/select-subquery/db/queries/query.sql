-- name: InvoicesAboveAverage :many
SELECT id, amount, (SELECT avg(amount) FROM invoices) AS average
FROM invoices
WHERE amount > (SELECT avg(amount) FROM invoices);
