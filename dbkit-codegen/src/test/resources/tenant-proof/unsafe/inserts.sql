-- INSERT ... VALUES that does not write the tenant parameter into tenant_id in every row.

-- name: InsertProjectConstantTenant :exec
-- Writes a constant tenant instead of the parameter.
INSERT INTO projects (id, tenant_id, name) VALUES ($1, '00000000-0000-0000-0000-000000000000', $2);

-- name: InsertProjectRandomTenant :exec
-- Writes a generated uuid as tenant.
INSERT INTO projects (id, tenant_id, name) VALUES ($1, gen_random_uuid(), $2);

-- name: InsertTaskTenantOfAnyProject :exec
-- The tenant comes from an unrestricted subquery: the task lands in whichever tenant owns project $2.
INSERT INTO tasks (id, tenant_id, project_id, title)
VALUES ($1, (SELECT tenant_id FROM projects WHERE id = $2), $2, $3);

-- name: InsertProjectTenantChosenByName :exec
-- The tenant comes from the tenants table by a caller-supplied name.
INSERT INTO projects (id, tenant_id, name) VALUES ($1, (SELECT id FROM tenants WHERE name = $2), $3);

-- name: InsertProjectTenantCoalesced :exec
-- The tenant is an expression of a parameter, not the parameter: it is not bound, and NULL falls back to a constant.
INSERT INTO projects (id, tenant_id, name)
VALUES ($1, coalesce($2, '00000000-0000-0000-0000-000000000000'::uuid), $3);

-- name: InsertProjectTenantFromSetting :exec
-- The tenant comes from a session setting the caller can SET, not from the tenant parameter.
INSERT INTO projects (id, tenant_id, name) VALUES ($1, current_setting('app.tenant_id')::uuid, $2);

-- name: InsertAuditEventDefaultKeyword :exec
-- DEFAULT writes the column default, the all-zero tenant shared by everyone.
INSERT INTO audit_events (tenant_id, action) VALUES (DEFAULT, $1);

-- name: InsertAuditEventOmitsTenant :one
-- tenant_id is not in the column list: the default is written.
INSERT INTO audit_events (action) VALUES ($1) RETURNING id;

-- name: InsertTasksSecondRowConstantTenant :exec
-- Multi-row VALUES: the first row binds the tenant, the second writes a constant.
INSERT INTO tasks (id, tenant_id, project_id, title)
VALUES ($1, $2, $3, $4),
       ($5, '00000000-0000-0000-0000-000000000000', $6, $7);

-- name: InsertAuditEventsSecondRowDefault :exec
-- Multi-row VALUES: the second row writes the default tenant.
INSERT INTO audit_events (tenant_id, action) VALUES ($1, $2), (DEFAULT, $3);

-- name: InsertFlagsThirdRowFromSubquery :exec
-- Multi-row VALUES: the third row's tenant comes from an unrestricted read.
INSERT INTO feature_flags (id, tenant_id, key)
VALUES (gen_random_uuid(), $1, $2),
       (gen_random_uuid(), $1, $3),
       (gen_random_uuid(), (SELECT tenant_id FROM projects WHERE code = $4), $2);

-- name: InsertReturningPlatformCount :one
-- The insert binds the tenant, the RETURNING clause counts every tenant's projects.
INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, $3)
RETURNING id, (SELECT count(*) FROM projects) AS platform_total;

-- name: InsertCopiesOtherTenantsBudget :exec
-- A non-tenant column is filled from an unrestricted read: another tenant's budget copied into the tenant's row.
INSERT INTO projects (id, tenant_id, name, budget)
VALUES ($1, $2, $3, (SELECT budget FROM projects WHERE code = $4));

-- name: InsertWithoutColumnListConstantTenant :exec
-- No column list: the second VALUES position is tenant_id and receives a constant.
INSERT INTO feature_flags VALUES ($1, '00000000-0000-0000-0000-000000000000', $2);
