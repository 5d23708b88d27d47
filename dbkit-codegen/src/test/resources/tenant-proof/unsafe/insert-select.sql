-- INSERT ... SELECT whose tenant_id, or whose read, is not bound to the tenant.

-- name: InsertSelectFromAnyTask :exec
-- Copies any tenant's task, tenant_id included.
INSERT INTO tasks (id, tenant_id, project_id, title)
SELECT gen_random_uuid(), tenant_id, project_id, title FROM tasks WHERE id = $1;

-- name: InsertSelectTenantFromUnnest :exec
-- The tenant comes from unnest of a caller-supplied array: one flag per tenant of the caller's choice.
INSERT INTO feature_flags (id, tenant_id, key)
SELECT gen_random_uuid(), u.tenant_id, $2 FROM unnest($1::uuid[]) AS u (tenant_id);

-- name: InsertSelectTenantFromJsonRecordset :exec
-- A scoped scan is present (the project), but the tenant column comes from caller-supplied JSON.
INSERT INTO tasks (id, tenant_id, project_id, title)
SELECT gen_random_uuid(), r.tenant_id, p.id, r.title
FROM projects p, json_to_recordset($2::json) AS r (tenant_id uuid, title text)
WHERE p.tenant_id = $1 AND p.id = $3;

-- name: InsertSelectIntoEveryTenant :exec
-- The tenant comes from the global tenants table: a flag for every tenant.
INSERT INTO feature_flags (id, tenant_id, key)
SELECT gen_random_uuid(), te.id, $1 FROM tenants te;

-- name: InsertSelectSubqueryColumnNamedTenantId :exec
-- The tenant's flags are copied to every tenant: the derived column is named tenant_id but is tenants.id.
INSERT INTO feature_flags (id, tenant_id, key, enabled)
SELECT gen_random_uuid(), s.tenant_id, s.key, s.enabled
FROM (SELECT f.key, f.enabled, te.id AS tenant_id FROM feature_flags f CROSS JOIN tenants te WHERE f.tenant_id = $1 OFFSET 0) s;

-- name: InsertSelectAliasListNamedTenantId :exec
-- The alias column list names tenants.id tenant_id: te.tenant_id is not the tenant of a restricted scan.
INSERT INTO feature_flags (id, tenant_id, key)
SELECT gen_random_uuid(), te.tenant_id, f.key
FROM feature_flags f
CROSS JOIN tenants AS te (tenant_id, name)
WHERE f.tenant_id = $1;

-- name: InsertSelectTenantFromUnrestrictedJoinSide :exec
-- The restricted scan is projects, but tenant_id is taken from the joined milestones, which are not bound
-- (other tenants' milestones pointing at the tenant's projects).
INSERT INTO milestones (id, tenant_id, project_id, title)
SELECT gen_random_uuid(), m.tenant_id, p.id, p.name
FROM projects p
JOIN milestones m ON m.project_id = p.id
WHERE p.tenant_id = $1;

-- name: InsertSelectOrFilteredSource :exec
-- The source is filtered with OR: other tenants' tasks are copied with their own tenant_id.
INSERT INTO tasks (id, tenant_id, project_id, title)
SELECT gen_random_uuid(), tenant_id, project_id, title FROM tasks WHERE tenant_id = $1 OR done;

-- name: InsertSelectUnionSecondBranchUnscoped :exec
-- The first branch of the UNION is scoped, the second copies flags of every tenant.
INSERT INTO feature_flags (id, tenant_id, key)
SELECT gen_random_uuid(), tenant_id, key || '-copy' FROM feature_flags WHERE tenant_id = $1
UNION ALL
SELECT gen_random_uuid(), tenant_id, key || '-copy' FROM feature_flags WHERE key = $2;

-- name: InsertSelectFromHidingView :exec
-- tenant_id is the parameter, but the title is read from task_titles, which cannot be scoped.
INSERT INTO tasks (id, tenant_id, project_id, title)
SELECT gen_random_uuid(), $1, $2, title FROM task_titles WHERE id = $3;

-- name: InsertSelectFromMaterializedView :exec
-- Every tenant's titles copied into the tenant's flags.
INSERT INTO feature_flags (id, tenant_id, key)
SELECT gen_random_uuid(), $1, title FROM all_task_titles;

-- name: InsertSelectTenantFromScalarSubquery :exec
-- The tenant is a scalar subquery over an unrestricted table.
INSERT INTO feature_flags (id, tenant_id, key)
SELECT $1, (SELECT tenant_id FROM feature_flags WHERE key = $2 LIMIT 1), $3;
