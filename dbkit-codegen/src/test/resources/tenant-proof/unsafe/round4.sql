-- Round 4: code PostgreSQL runs for every written row that no plan shows, and session state of earlier borrowers.

-- name: InsertCheckedNote :exec
-- The table's CHECK calls set_config(..., false): the connection keeps the platform role.
INSERT INTO checked_notes (tenant_id, id, body) VALUES ($1, $2, $3);

-- name: UpdateCheckedNote :exec
UPDATE checked_notes SET body = $3 WHERE tenant_id = $1 AND id = $2;

-- name: InsertVettedNote :exec
-- The CHECK calls a function of the schema that does it.
INSERT INTO vetted_notes (tenant_id, id, body) VALUES ($1, $2, $3);

-- name: InsertIndexedNote :exec
-- An expression index over a function that claims to be IMMUTABLE.
INSERT INTO indexed_notes (tenant_id, id, body) VALUES ($1, $2, $3);

-- name: UpdatePartialNote :exec
-- A partial index whose predicate calls one.
UPDATE partial_notes SET body = $3 WHERE tenant_id = $1 AND id = $2;

-- name: InsertDefaultedNote :exec
-- A default that clears dbkit.tenant_id for the session.
INSERT INTO defaulted_notes (tenant_id, id) VALUES ($1, $2);

-- name: PlatformCountsNotes :one
-- dbkit:cross-tenant
-- A platform query may read every tenant, but a function whose body it cannot see may change the session: it must
-- say so.
SELECT evil.note_count() AS notes;

-- name: PreviousBorrowersSequenceValue :one
-- lastval() is the last nextval of the pooled session, maybe another tenant's request's invoice number.
SELECT lastval() AS previous, count(*) AS n FROM tasks WHERE tenant_id = $1;

-- name: CurrentValueOfASharedSequence :one
SELECT currval('note_numbers') AS current, count(*) AS n FROM tasks WHERE tenant_id = $1;
