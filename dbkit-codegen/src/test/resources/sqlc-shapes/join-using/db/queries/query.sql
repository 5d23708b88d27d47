-- name: JoinUsing :many
SELECT fk, a, b FROM t1 JOIN t2 USING (fk) WHERE fk = $1;

-- name: LeftJoinUsing :many
SELECT fk, a, b FROM t1 LEFT JOIN t2 USING (fk);
