-- Statements that would change the session: the tenant the policies see, or the role they bind. Row-level security
-- trusts both; a generated call must not touch them.

-- name: TakesThePlatformRole :many
-- The platform role bypasses row-level security for the rest of the transaction.
SELECT id, name FROM projects WHERE tenant_id = $1 AND set_config('role', 'dbkit_platform', true) IS NOT NULL;

-- name: SetsAnotherTenant :many
-- The next statements of the transaction would see the caller's tenant of choice.
SELECT set_config('dbkit.tenant_id', $2::text, true), id FROM projects WHERE tenant_id = $1;

-- name: SetsTheTenantForTheSession :one
-- Left on the pooled connection for whoever uses it next.
SELECT set_config('dbkit.tenant_id', $1::text, false);

-- name: SetsTheTenantInAWrite :exec
UPDATE projects SET name = set_config('dbkit.tenant_id', $2::text, true) WHERE tenant_id = $1 AND id = $3;
