-- INSERT ... ON CONFLICT DO UPDATE whose conflict target or update can reach another tenant's row.

-- name: UpsertTaskOnId :exec
-- ON CONFLICT (id): a task id of another tenant overwrites that tenant's title.
INSERT INTO tasks (id, tenant_id, project_id, title) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET title = excluded.title;

-- name: UpsertAuditEventOnSequentialId :exec
-- audit_events ids are sequential and easy to guess: ON CONFLICT (id) rewrites another tenant's event.
INSERT INTO audit_events (id, tenant_id, action) VALUES ($1, $2, $3)
ON CONFLICT (id) DO UPDATE SET action = excluded.action;

-- name: UpsertOnPrimaryKeyConstraint :exec
-- ON CONFLICT ON CONSTRAINT tasks_pkey is the same id target spelled by constraint name.
INSERT INTO tasks (id, tenant_id, project_id, title, done) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT ON CONSTRAINT tasks_pkey DO UPDATE SET done = excluded.done;

-- name: UpsertOnIncludeIndex :exec
-- projects_code_key is unique on code alone, tenant_id is only an INCLUDE column:
-- a code of another tenant renames that tenant's project.
INSERT INTO projects (id, tenant_id, name, code) VALUES ($1, $2, $3, $4)
ON CONFLICT (code) DO UPDATE SET name = excluded.name;

-- name: UpsertWhereExcludedTenant :exec
-- excluded.tenant_id is the row being inserted, always the tenant: the WHERE does not protect the existing row.
INSERT INTO tasks (id, tenant_id, project_id, title) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE excluded.tenant_id = $2;

-- name: UpsertWhereTenantOrDone :exec
-- The conflict filter ORs the tenant condition with another one.
INSERT INTO tasks (id, tenant_id, project_id, title, done) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (id) DO UPDATE SET done = excluded.done WHERE tasks.tenant_id = $2 OR excluded.done;

-- name: UpsertWhereFakeEquality :exec
-- The conflict filter uses the always-true === operator.
INSERT INTO tasks (id, tenant_id, project_id, title) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE tasks.tenant_id === $2;

-- name: UpsertWhereNotDistinctFromFreeParameter :exec
-- The conflict filter uses IS NOT DISTINCT FROM, not the binding equality, with a parameter the insert does not bind:
-- the caller names the tenant whose row is overwritten.
INSERT INTO feature_flags (id, tenant_id, key, enabled) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled WHERE feature_flags.tenant_id IS NOT DISTINCT FROM $5;

-- name: UpsertSetsTenantColumn :exec
-- The conflict target is tenant-safe, but DO UPDATE SET moves the row to a caller-chosen tenant.
INSERT INTO feature_flags (id, tenant_id, key) VALUES ($1, $2, $3)
ON CONFLICT (tenant_id, key) DO UPDATE SET tenant_id = $4;

-- name: UpsertStealsRowOnId :exec
-- ON CONFLICT (id) with SET tenant_id = excluded.tenant_id takes another tenant's flag over.
INSERT INTO feature_flags (id, tenant_id, key, enabled) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, key = excluded.key, enabled = excluded.enabled;

-- name: UpsertReadsOtherTenantsInSet :exec
-- The conflict target is tenant-safe, but the new value is computed from every tenant's flags.
INSERT INTO feature_flags (id, tenant_id, key, enabled) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, key) DO UPDATE
SET enabled = (SELECT bool_or(o.enabled) FROM feature_flags o WHERE o.key = excluded.key);

-- name: UpsertProjectOnIdGuardedByCode :exec
-- The conflict filter tests a column that is not tenant_id.
INSERT INTO projects (id, tenant_id, name, code) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE projects.code = excluded.code;
