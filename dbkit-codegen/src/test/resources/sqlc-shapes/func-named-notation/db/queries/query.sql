-- name: PositionalNotation :one
SELECT concat_lower_or_upper($1, $2, true);

-- name: PositionalDefault :one
SELECT concat_lower_or_upper($1, $2);

-- name: NamedNotation :one
SELECT concat_lower_or_upper(a => $1, b => $2);

-- name: MixedNotation :one
SELECT concat_lower_or_upper($1, $2, uppercase => $3);
