-- name: HandledEvents :many
SELECT e.id, e.name, h.handled_by
FROM events e
INNER JOIN handled_events AS h ON h.event_id = e.id
WHERE h.handled_by = $1;
