-- name: ListMisc :many
SELECT * FROM dt_misc;

-- name: SearchText :many
SELECT ch FROM dt_misc WHERE ts @@ to_tsquery($1);
