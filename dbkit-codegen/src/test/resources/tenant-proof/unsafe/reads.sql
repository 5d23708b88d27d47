-- Single-table reads whose tenant condition is missing, weakened or not a binding equality.
-- Every statement here must be refused: each one can return rows of another tenant.

-- name: ReadAllTasks :many
-- No tenant condition at all: every tenant's tasks.
SELECT id, title FROM tasks;

-- name: ReadTaskById :one
-- Filters on the primary key only: the caller reads any tenant's task by its id.
SELECT id, tenant_id, title FROM tasks WHERE id = $1;

-- name: ReadTasksConstantTenant :many
-- Compares tenant_id with a constant instead of a parameter: always the same (other) tenant.
SELECT id, title FROM tasks WHERE tenant_id = '00000000-0000-0000-0000-000000000000';

-- name: ReadTasksTenantOrTrue :many
-- The tenant condition is OR-ed with true: the planner drops it and every row is returned.
SELECT id, title FROM tasks WHERE tenant_id = $1 OR true;

-- name: ReadTasksTenantOrFlag :many
-- A caller-controlled boolean switches the tenant condition off.
SELECT id, title FROM tasks WHERE tenant_id = $1 OR $2::boolean;

-- name: ReadTasksTenantOrAssignee :many
-- OR with another column: any tenant's task assigned to the given person.
SELECT id, title FROM tasks WHERE tenant_id = $1 OR assignee = $2;

-- name: ReadTasksAndOrPrecedence :many
-- Looks like three AND-ed conditions, but AND binds tighter than OR:
-- (tenant AND done) OR assignee matches rows of every tenant.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND done OR assignee = $2;

-- name: ReadTasksOfOtherTenants :many
-- tenant_id <> $1 selects every tenant except the current one.
SELECT id, title FROM tasks WHERE tenant_id <> $1;

-- name: ReadTasksNegatedTenant :many
-- NOT (tenant_id = $1) is the complement of the tenant.
SELECT id, title FROM tasks WHERE NOT (tenant_id = $1);

-- name: ReadTasksNotDistinctFromTenant :many
-- IS NOT DISTINCT FROM is not the binding equality: the parameter stays unbound and the caller picks any tenant.
SELECT id, title FROM tasks WHERE tenant_id IS NOT DISTINCT FROM $1;

-- name: ReadTasksDistinctFromTenant :many
-- IS DISTINCT FROM is the null-safe inequality: every other tenant.
SELECT id, title FROM tasks WHERE tenant_id IS DISTINCT FROM $1;

-- name: ReadTasksAnyTenantArray :many
-- = ANY of an array parameter: the caller passes a list of tenants.
SELECT id, title FROM tasks WHERE tenant_id = ANY ($1::uuid[]);

-- name: ReadTasksInTwoTenants :many
-- IN with two parameters becomes = ANY (ARRAY[$1, $2]): the second one is the caller's choice.
SELECT id, title FROM tasks WHERE tenant_id IN ($1, $2);

-- name: ReadTasksArrayContainment :many
-- Array containment instead of equality: the caller passes any set of tenants.
SELECT id, title FROM tasks WHERE ARRAY[tenant_id] <@ $1::uuid[];

-- name: ReadTasksTenantCastToText :many
-- The column is cast to text: not the binding equality, so the caller supplies the text of any tenant id.
SELECT id, title FROM tasks WHERE tenant_id::text = $1;

-- name: ReadTasksTenantLike :many
-- LIKE on the text of tenant_id: the caller passes '%' and reads every tenant.
SELECT id, title FROM tasks WHERE tenant_id::text LIKE $1;

-- name: ReadTasksTenantLowerText :many
-- A function of the column compared with the parameter: not a binding equality.
SELECT id, title FROM tasks WHERE lower(tenant_id::text) = lower($1);

-- name: ReadTasksCoalesceTenant :many
-- coalesce($1, tenant_id): a NULL parameter turns the condition into tenant_id = tenant_id.
SELECT id, title FROM tasks WHERE tenant_id = coalesce($1, tenant_id);

-- name: ReadTasksTenantEqualsItself :many
-- tenant_id = tenant_id is true for every row (the planner drops the condition entirely).
SELECT id, title FROM tasks WHERE tenant_id = tenant_id;

-- name: ReadTasksCaseTenant :many
-- The tenant test sits in a CASE branch that a parameter can bypass.
SELECT id, title FROM tasks WHERE CASE WHEN $2::boolean THEN true ELSE tenant_id = $1 END;

-- name: ReadTasksComparisonIsNotFalse :many
-- (tenant_id = $1) IS NOT FALSE is true when $1 is NULL: every row.
SELECT id, title FROM tasks WHERE (tenant_id = $1) IS NOT FALSE;

-- name: ReadTasksCoalescedComparison :many
-- coalesce(tenant_id = $1, true) is true when $1 is NULL: every row.
SELECT id, title FROM tasks WHERE coalesce(tenant_id = $1, true);

-- name: ReadTasksTenantBetween :many
-- A range of tenant ids: every tenant whose id sorts between the two parameters.
SELECT id, title FROM tasks WHERE tenant_id BETWEEN $1 AND $2;

-- name: ReadTasksKeysetAcrossTenants :many
-- Keyset pagination on (tenant_id, id): the row comparison runs past the last task
-- of the current tenant into the next tenants.
SELECT id, title FROM tasks WHERE (tenant_id, id) > ($1, $2) ORDER BY tenant_id, id LIMIT 50;

-- name: ReadTasksRowValueInList :many
-- A row-value IN list becomes (tenant = $1 AND id = $2) OR (tenant = $3 AND id = $4): the second pair is free.
SELECT id, title FROM tasks WHERE (tenant_id, id) IN (($1, $2), ($3, $4));

-- name: ReadTasksTenantChosenByName :many
-- The tenant comes from a lookup of the tenants table by a caller-supplied name.
SELECT id, title FROM tasks WHERE tenant_id = (SELECT id FROM tenants WHERE name = $1);

-- name: ReadTasksTenantOfAnyProject :many
-- The tenant is taken from an unrestricted read of another row: the tasks of whichever tenant owns project $1.
SELECT id, title FROM tasks WHERE tenant_id = (SELECT tenant_id FROM projects WHERE id = $1);

-- name: ReadTasksTenantInSubquery :many
-- tenant_id IN (subquery of an unrestricted table): every tenant that has a task for this assignee.
SELECT id, title FROM tasks WHERE tenant_id IN (SELECT tenant_id FROM tasks WHERE assignee = $1);

-- name: ReadTasksJsonbContainment :many
-- The tenant is tested through the row's JSON: not a binding equality, the caller picks the tenant.
SELECT t.id, t.title FROM tasks t WHERE to_jsonb(t) @> jsonb_build_object('tenant_id', $1::uuid);

-- name: ReadTasksTableStatement :many
-- TABLE is shorthand for SELECT * FROM tasks: no condition at all.
TABLE tasks;

-- name: ReadTasksTenantTestInSelectList :many
-- The tenant test moved into the select list: one row per task of every tenant (the count and ids leak).
SELECT id, CASE WHEN tenant_id = $1 THEN title END AS title FROM tasks;

-- name: ReadTasksOrderedByTenantMatch :many
-- The tenant test only orders the rows: other tenants' tasks fill the page after the current tenant's.
SELECT id, title FROM tasks ORDER BY tenant_id = $1 DESC, id LIMIT 20;

-- name: ReadTasksFilterInStringLiteral :many
-- The text "tenant_id = $1" is inside a string literal: the statement has no tenant condition.
SELECT id, title FROM tasks WHERE assignee <> 'x AND tenant_id = $1';

-- name: ReadTasksFilterInEscapeString :many
-- An E'' string with an escaped quote hides the tenant condition from a lexer that does not know E'' strings.
SELECT id, title FROM tasks WHERE title <> E'\' AND tenant_id = $1 AND \'';

-- name: ReadTasksFilterInDollarQuote :many
-- The tenant condition is inside a dollar-quoted literal.
SELECT id, title FROM tasks WHERE title <> $q$ AND tenant_id = $1 $q$;

-- name: ReadTasksFilterInBlockComment :many
-- The tenant condition is commented out with a block comment.
SELECT id, title FROM tasks /* WHERE tenant_id = $1 AND */ WHERE NOT done;

-- name: ReadTasksFilterInLineComment :many
-- The tenant condition is commented out with a line comment inside the statement.
SELECT id, title FROM tasks
-- WHERE tenant_id = $1
WHERE NOT done;

-- name: ReadTasksQuotedAliasWithParentheses :many
-- A quoted alias full of parentheses and AND, meant to confuse a text parser of the plan:
-- the condition is really (tenant) OR done.
SELECT id, title FROM tasks AS "t) AND (t" WHERE "t) AND (t".tenant_id = $1 OR "t) AND (t".done;

-- name: ReadProjectByCode :one
-- projects.code is globally unique: the caller reads any tenant's project by its code.
SELECT id, name, budget FROM projects WHERE code = $1;

-- name: ReadFeatureFlagByKey :many
-- Filters on the key only: every tenant's value of the flag.
SELECT tenant_id, enabled FROM feature_flags WHERE key = $1;
