-- name: RegisterAccount :one
SELECT * FROM register_account($1, $2);
