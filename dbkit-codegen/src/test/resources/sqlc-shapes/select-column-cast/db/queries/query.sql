-- name: CastColumns :many
SELECT id::text AS id_text, enabled::integer AS enabled_int, id::bigint AS id_long FROM flags;
