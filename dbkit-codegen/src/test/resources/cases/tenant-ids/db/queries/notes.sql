-- name: AddNote :execlastid
INSERT INTO notes (tenant_id, body) VALUES ($1, $2) RETURNING id;

-- name: ListNotes :many
-- dbkit:stream
SELECT body FROM notes WHERE tenant_id = $1 ORDER BY id;

-- name: AddNotes :copyfrom
INSERT INTO notes (tenant_id, body) VALUES ($1, $2);

-- name: DeleteNotes :batchexec
DELETE FROM notes WHERE tenant_id = $1 AND body = $2;
