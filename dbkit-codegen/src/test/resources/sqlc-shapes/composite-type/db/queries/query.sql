-- name: ListPaths :many
SELECT * FROM foo.paths;

-- name: FirstXs :many
SELECT (point_one).x AS x FROM foo.paths;
