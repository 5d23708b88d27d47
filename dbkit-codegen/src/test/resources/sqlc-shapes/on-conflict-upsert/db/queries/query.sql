-- name: UpsertAuthor :exec
INSERT INTO authors (name, bio) VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET bio = $2;

-- name: UpsertAuthorNamed :exec
INSERT INTO authors (name, bio) VALUES ($1, sqlc.arg(bio))
ON CONFLICT (name) DO UPDATE SET bio = sqlc.arg(bio);

-- name: UpsertAuthorExcluded :one
INSERT INTO authors (name, bio) VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET bio = EXCLUDED.bio
RETURNING id;

-- name: InsertAuthorIfAbsent :execrows
INSERT INTO authors (name) VALUES ($1) ON CONFLICT DO NOTHING;
