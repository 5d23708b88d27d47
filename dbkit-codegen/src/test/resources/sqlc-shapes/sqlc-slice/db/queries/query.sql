-- name: FuncParamIdent :many
SELECT name FROM foo WHERE id IN (sqlc.slice(favourites));

-- name: FuncParamString :many
SELECT name FROM foo WHERE id IN (sqlc.slice('favourites'));

-- name: SliceAndArg :many
SELECT name FROM foo WHERE tag = sqlc.arg(tag) AND id NOT IN (sqlc.slice(excluded));

-- name: SliceOfText :many
SELECT id FROM foo WHERE name IN (sqlc.slice(names)) ORDER BY id;
