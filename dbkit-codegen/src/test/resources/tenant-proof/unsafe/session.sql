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

-- name: PlatformSetsTheTenant :one
-- dbkit:cross-tenant
-- A platform query may read every tenant, but not change the session either.
SELECT set_config('dbkit.tenant_id', $1::text, false);

-- name: PlatformSetsTheRoleWithSideEffectsDeclared :one
-- dbkit:cross-tenant
-- dbkit:side-effects
-- Declaring side effects does not allow changing the session.
SELECT set_config('role', 'dbkit_platform', false);

-- name: SessionAdvisoryLock :one
-- dbkit:side-effects
-- A session lock outlives the call on the pooled connection.
SELECT pg_advisory_lock(hashtext($1::text));

-- name: SessionSeed :one
SELECT setseed(0.5) IS NULL AS seeded;

-- name: Notifies :one
-- Side effects must be declared.
SELECT pg_notify('projects', $1::text) IS NULL AS notified;

-- name: MovesASequence :one
SELECT setval('invoice_numbers', 1);

-- name: CreatesALargeObject :one
SELECT lo_from_bytea(0, '\x00'::bytea);

-- name: SignalsAnotherSession :one
SELECT pg_terminate_backend($1::int);

-- name: TransactionLockUndeclared :one
SELECT pg_try_advisory_xact_lock(hashtext($1::text)) AS locked;
