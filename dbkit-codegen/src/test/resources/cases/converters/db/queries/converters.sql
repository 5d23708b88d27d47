-- name: GetProjectSettings :one
-- projects.settings is a JsonNode: read and bound through Jackson.
SELECT id, settings FROM projects WHERE tenant_id = $1 AND id = $2;

-- name: SetProjectSettings :exec
UPDATE projects SET settings = $3 WHERE tenant_id = $1 AND id = $2;

-- name: GetTypedSettings :one
-- The same column as json, whose type override is a record of the application's.
SELECT settings::json AS typed FROM projects WHERE tenant_id = $1 AND id = $2;

-- name: SetTypedSettings :exec
UPDATE projects SET settings = $3::json WHERE tenant_id = $1 AND id = $2;

-- name: MasksWithFlags :many
-- bit strings through a ValueConverter: java.util.BitSet both ways.
SELECT id, flags FROM feature_masks WHERE flags = $1 ORDER BY id;
