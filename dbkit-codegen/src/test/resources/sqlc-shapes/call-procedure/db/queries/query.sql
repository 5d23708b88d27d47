-- name: CallInsertData :exec
CALL insert_data($1, $2);

-- name: CallInsertConstants :exec
CALL insert_data(1, 2);
