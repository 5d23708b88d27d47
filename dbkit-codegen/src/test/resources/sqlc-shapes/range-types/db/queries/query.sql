-- name: ListRanges :many
SELECT * FROM dt_range;

-- name: Containing :many
SELECT f FROM dt_range WHERE f @> $1::date;

-- name: Overlapping :many
SELECT a FROM dt_range WHERE a && $1;
