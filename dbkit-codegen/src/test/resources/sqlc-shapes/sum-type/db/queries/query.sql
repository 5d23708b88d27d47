-- name: Totals :one
SELECT sum(small) AS small_total, sum(big) AS big_total, sum(exact) AS exact_total FROM ledger;
