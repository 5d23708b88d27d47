-- name: UpdateSetMultiple :exec
UPDATE foo SET (name, slug) = ($1, $2) WHERE version = $3;

-- name: UpdateSetFromSubselect :exec
UPDATE foo SET (name, version) = (SELECT upper(foo.name), foo.version + 1) WHERE slug = $1;
