-- name: Ranked :many
SELECT id, department,
       row_number() OVER w AS position,
       rank() OVER w AS ranking,
       sum(amount) OVER (PARTITION BY department) AS department_total,
       lag(amount) OVER w AS previous_amount
FROM salaries
WINDOW w AS (PARTITION BY department ORDER BY amount DESC);
