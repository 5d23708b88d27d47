-- name: EventsContaining :many
SELECT id FROM events WHERE payload @> $1;

-- name: EventsWithKey :many
SELECT id FROM events WHERE payload ? $1;

-- name: EventsByField :many
SELECT id FROM events WHERE payload -> 'kind' = $1::jsonb;
