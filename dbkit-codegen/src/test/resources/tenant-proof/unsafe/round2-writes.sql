-- Writes whose tenant value is not the tenant: NULL reaching a nullable tenant column (templates, where NULL
-- means shared with every tenant), a generated tenant column, and writes through rules, domains and views.

-- name: InsertSharedTemplateThroughOuterJoin :exec
-- ACCEPTED BY CURRENT CODE?
-- tenant_id is taken from the nullable side of a LEFT JOIN that matches nothing: NULL, a template shared with
-- every tenant. A value from a bound scan is the tenant or NULL, and NULL is not the tenant.
INSERT INTO templates (id, tenant_id, name)
SELECT $2, t.tenant_id, $3
FROM (SELECT 1) AS one
LEFT JOIN templates t ON t.tenant_id = $1 AND t.id = $4;

-- name: ShareTemplateWithEveryTenant :execrows
-- ACCEPTED BY CURRENT CODE?
-- SET tenant_id to a scalar subquery over the tenant's rows that finds none ($3 is not one of its
-- templates): NULL, so the tenant's template becomes every tenant's.
UPDATE templates
SET tenant_id = (SELECT x.tenant_id FROM templates x WHERE x.tenant_id = $1 AND x.id = $3)
WHERE tenant_id = $1 AND id = $2;

-- name: InsertSharedTemplateThroughRollup :exec
-- ACCEPTED BY CURRENT CODE?
-- ROLLUP's total row has tenant_id NULL: a shared template next to the tenant's own.
INSERT INTO templates (id, tenant_id, name)
SELECT gen_random_uuid(), t.tenant_id, $2
FROM templates t
WHERE t.tenant_id = $1
GROUP BY ROLLUP (t.tenant_id);

-- name: InsertTemplateNullTenant :exec
-- A NULL constant as tenant: refused.
INSERT INTO templates (id, tenant_id, name) VALUES ($1, NULL, $2);

-- name: ReadTemplatesIncludingShared :many
-- The tenant's templates OR the shared ones: the scan is not bound by a top-level condition, refused.
SELECT id, name FROM templates WHERE tenant_id = $1 OR tenant_id IS NULL;

-- name: MoveOrgNoteByItsOrgId :execrows
-- ACCEPTED BY CURRENT CODE?
-- org_notes.tenant_id is GENERATED ALWAYS AS (org_id): setting org_id moves the row into tenant $3, but the
-- SET list never names tenant_id, so the proof sees no write of it.
UPDATE org_notes SET org_id = $3 WHERE tenant_id = $1 AND id = $2;

-- name: InsertOrgNoteIntoAnyTenant :exec
-- The same table on INSERT: tenant_id is computed from org_id ($2, any tenant): the plan has a NULL placeholder
-- for it, and the proof refuses.
INSERT INTO org_notes (id, org_id, body) VALUES ($1, $2, $3);

-- name: InsertFlagToggleRuleUpdatesEveryTenant :exec
-- flag_toggles has a rule that also updates feature_flags by key in every tenant: the rule's statement is
-- planned too, and refused.
INSERT INTO flag_toggles (id, tenant_id, flag_key, enabled) VALUES ($1, $2, $3, $4);

-- name: InsertTaskNoteRuleWithOtherTenant :exec
-- The rule on task_notes writes an audit event for NEW.tenant_id, here tenant $5 of the insert, while the
-- read binds $1: two tenant parameters.
INSERT INTO task_notes (id, tenant_id, task_id, body)
SELECT $2, $5, t.id, $3 FROM tasks t WHERE t.tenant_id = $1 AND t.id = $4;

-- name: UpsertTagOnPlatformWideCode :exec
-- tags_code_key is unique on code only (tenant_id appears in its predicate, not its key): DO UPDATE may update
-- another tenant's tag.
INSERT INTO tags (id, tenant_id, name, slug, color, code) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (code) WHERE tenant_id IS NOT NULL DO UPDATE SET name = excluded.name;

-- name: ReadContactsWithoutTenant :many
-- contacts' tenant column is a domain over uuid: still a tenant table.
SELECT id, email FROM contacts WHERE email LIKE $1;

-- name: InsertContactForEveryTenant :exec
-- One contact per tenant, read from the global tenants table.
INSERT INTO contacts (id, tenant_id, email) SELECT gen_random_uuid(), te.id, $1 FROM tenants te;

-- name: ReadBarrierViewWithoutTenant :many
-- The security_barrier view does not bind the tenant.
SELECT id, title FROM my_open_tasks WHERE title ILIKE $1;

-- name: ReadRenamedViewByFakeTenant :many
-- tasks_by_project calls project_id tenant_id: the condition binds project_id, so tasks is not bound.
SELECT id, title FROM tasks_by_project WHERE tenant_id = $1;

-- name: InsertThroughRenamedViewIntoOtherTenant :exec
-- Through the renamed view, owner_id is tasks.tenant_id: written from a tenant chosen by name.
INSERT INTO tasks_by_project (id, tenant_id, owner_id, title)
SELECT $1, $2, te.id, $3 FROM tenants te WHERE te.name = $4;
