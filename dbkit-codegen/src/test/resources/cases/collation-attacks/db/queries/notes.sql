-- Tenant ids as text, compared under a collation that calls different ids equal: none of these pins one tenant.
-- (Found by an attacker: docs/attacks/2026-12-01-round5.md.)

-- name: ListNotes :many
-- Safe: the column's own, deterministic collation.
SELECT tenant_id, id, body FROM notes WHERE tenant_id = $1;

-- name: ListNotesCollated :many
SELECT tenant_id, id, body FROM notes WHERE tenant_id = $1 COLLATE hexsame;

-- name: DeleteNoteCollated :exec
DELETE FROM notes WHERE tenant_id = $1 COLLATE hexsame AND id = $2;

-- name: RenameNoteCollated :exec
UPDATE notes SET body = $2 WHERE tenant_id COLLATE hexsame = $1 AND id = $3;

-- name: ListLooseNotes :many
SELECT tenant_id, id, body FROM loose_notes WHERE tenant_id = $1;

-- name: UpsertLooseNote :one
INSERT INTO loose_notes (tenant_id, id, key, body) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, key) DO UPDATE SET body = excluded.body
RETURNING tenant_id, id, key, body;

-- name: PutSetting :one
INSERT INTO settings (tenant_id, key, value) VALUES ($1, $2, $3)
ON CONFLICT (tenant_id COLLATE hexsame, key) DO UPDATE SET value = excluded.value
RETURNING tenant_id, key, value;

-- Round 6: a cast to bpchar (blank-padded character) makes = ignore trailing blanks: 'acme ' equals 'acme'.

-- name: ListNotesPadded :many
SELECT tenant_id, id, body FROM notes WHERE tenant_id::bpchar = $1::text::bpchar;

-- name: DeleteNotePadded :exec
DELETE FROM notes WHERE tenant_id::bpchar = $1::text::bpchar AND id = $2;

-- name: PaddedInsert :exec
INSERT INTO notes (tenant_id, id, body)
SELECT m.tenant_id, 100, $2 FROM notes m WHERE m.tenant_id::bpchar = $1::text::bpchar AND m.id = 2;

-- Round 7: the arbiter compares tenant_id with bpchar's =.

-- name: PutPaddedNote :one
INSERT INTO padded_notes (tenant_id, id, key, body) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, key) DO UPDATE SET body = excluded.body
RETURNING tenant_id, id, key, body;

-- name: AddTask :exec
-- The foreign key "includes the tenant", but compares it with bpchar's =: it would accept another tenant's project.
INSERT INTO tasks (tenant_id, id, project_id) VALUES ($1, $2, $3);
