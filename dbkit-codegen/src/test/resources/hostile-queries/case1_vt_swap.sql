-- name: SwapPlaceholder :one
SELECTE'\'' AS a, $1::text AS b, '?' AS c,E'\'' AS d;
