-- Conditions that run on other tenants' rows before the tenant condition does: a scan's conditions are
-- evaluated in the planner's order (by cost, then as written), so an error raised by one of them on another
-- tenant's row is an oracle for that row's content, although the scan is bound to the tenant.

-- name: ProbeOtherTenantsTemplateSettingsByError :many
-- ACCEPTED BY CURRENT CODE?
-- templates is scanned sequentially with Filter: jsonb_path_exists(settings, $2) AND tenant_id = $1 (both cost
-- one operator, so the written order stays). With $2 = 'strict $ ? (exists (@.api_key)) .api_key ? (@ starts
-- with "sk-1") .x' the statement fails exactly when some row of any tenant has an api_key starting with sk-1:
-- another tenant's secret, one character at a time. jsonb_path_exists is not leakproof (a security_barrier view
-- would not push it below the tenant condition).
SELECT id, name FROM templates WHERE jsonb_path_exists(settings, $2::jsonpath) AND tenant_id = $1;

-- name: ProbeOtherTenantsTemplatePlanByError :many
-- ACCEPTED BY CURRENT CODE?
-- The same oracle written into the statement: it fails exactly when a template of any tenant has
-- settings.plan = "enterprise".
SELECT id, name FROM templates
WHERE jsonb_path_exists(settings, 'strict $ ? (@.plan == "enterprise") .plan.x') AND tenant_id = $1;
