-- name: CountUp :many
SELECT * FROM generate_series(1, $1::integer) AS g(n);

-- name: AlertsTwice :many
SELECT * FROM alerts CROSS JOIN generate_series(1, 2) AS s(i);
