-- name: InstructionsOf :many
SELECT transactions.id, jsonb_agg(instructions.value) AS instructions
FROM transactions, jsonb_each(transactions.data -> 'instructions') AS instructions
WHERE transactions.program_id = sqlc.arg('program_id')
GROUP BY transactions.id;

-- name: RecordsetOf :many
SELECT r.name, r.qty
FROM transactions t, jsonb_to_recordset(t.data -> 'lines') AS r(name text, qty integer)
WHERE t.id = $1;
