-- name: Days :many
SELECT generate_series($1::timestamp, $2::timestamp, '1 day'::interval) AS day;

-- name: DaysWithNotes :many
SELECT d::date AS day, n.note
FROM generate_series($1::date, $2::date, interval '1 day') AS d
LEFT JOIN calendar_notes n ON n.day = d::date;
