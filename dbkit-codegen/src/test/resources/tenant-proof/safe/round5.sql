-- Round 5: volatile functions of trusted extensions that keep nothing in the session stay allowed.

-- name: NewNoteId :one
SELECT uuid_generate_v4() AS id, count(*) AS notes FROM notes WHERE tenant_id = $1;

-- name: SimilarNotes :many
SELECT id, similarity(body, $2) AS score, show_limit() AS threshold FROM notes WHERE tenant_id = $1;
