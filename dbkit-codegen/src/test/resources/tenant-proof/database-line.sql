-- Leaks the build-time proof does not stop: only the database does (row-level security on dbkit.tenant_id, with
-- rowLevelSecurity on). They are error oracles. A condition that is not leakproof (LIKE, jsonpath, date
-- parsing) runs on another tenant's rows, or on the column's statistics while the statement is planned, in a plan
-- PostgreSQL chooses at run time with the actual values (a sequential scan that filters by tenant last). That plan
-- is not the generic plan of the empty analysis database. Under row-level security PostgreSQL runs the policy
-- before any condition that is not leakproof, and does not read statistics through one. Kept here as the
-- boundary of docs/tenancy.md; no test runs this file.

-- name: SearchTaskTitlesLike :many
-- WHY: TenantProof.scanBound accepts because the analysis database's generic plan is a Bitmap Heap Scan with
-- Recheck Cond tenant_id = $1 (index-level, "runs first") and Filter title ~~ $2. At run time pgjdbc sends
-- unnamed statements, which PostgreSQL plans with the real parameters and statistics (custom plans): on a small
-- table, or for a tenant with many rows, it is a Seq Scan whose Filter is
-- `(title ~~ $2) AND (tenant_id = 'A')` - the equivalence-class-derived tenant condition is placed last even though
-- it is written first - so LIKE runs on every tenant's rows, and "LIKE pattern must not end with escape
-- character" is raised exactly when another tenant's title starts with the probe.
-- CONFIRMED: as tenant A, $2 = 'B-SECRET task%\' fails, 'B-SECRET tusk%\' returns normally.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND title LIKE $2;

-- name: FlagsMatchingJsonPath :many
-- WHY: same gap (TenantProof.scanBound trusts the generic plan's Bitmap Heap Scan on feature_flags'
-- (tenant_id, key) index); the runtime Seq Scan filter is `jsonb_path_exists(metadata, $2, ...) AND
-- (tenant_id = 'A')`. The error message carries the value itself.
-- CONFIRMED: as tenant A, $2 = '$.owner ? (@ != "A").double()' fails with
-- `argument "B-SECRET" of jsonpath item method .double() is invalid for type double precision`.
SELECT id, key FROM feature_flags WHERE tenant_id = $1 AND jsonb_path_exists(metadata, $2);

-- name: TasksWithDateInTitle :many
-- WHY: TenantProof.scanBound, as above (to_date costs one function, like uuid equality, so the written order
-- stays and the runtime Seq Scan runs it first). CONFIRMED: $2 = '"A task "YYYY' fails with
-- `invalid value "T ta" for "YYYY"` - four characters of B's 'B-SECRET task 1'; move the literal prefix to read
-- the rest.
SELECT id, title FROM tasks WHERE to_date(title, $2) IS NOT NULL AND tenant_id = $1;

-- name: TaskTitleMatches :one
-- WHY: not modelled at all (TenantProof.scanBound/leaky only look at the order of a scan's conditions): when
-- PostgreSQL plans a custom plan it estimates `title LIKE 'const'` with patternsel, which calls textlike on the
-- column's most-common values and histogram - other tenants' data - at PLANNING time, whatever the plan. PostgreSQL
-- itself only skips this for non-leakproof operators when row-level security applies (statistic_proc_security_check),
-- so with the build-time proof alone it runs. Here the runtime plan is an Index Scan with Index Cond
-- (tenant_id = 'A' AND id = $2), i.e. the best the proof could ask for.
-- CONFIRMED (after B has 40 tasks titled 'B-SECRET merger with Initech' and ANALYZE): $3 = 'B-SECRET merger%\'
-- fails at planning with "LIKE pattern must not end with escape character", 'B-SECRET mergex%\' plans and runs.
SELECT id, title FROM tasks WHERE tenant_id = $1 AND id = $2 AND title LIKE $3;

-- ---------------------------------------------------------------------------------------------------------------
-- 4. known_task's CHECK (task_exists reads every tenant's tasks) reached without a node typed known_task.
-- ---------------------------------------------------------------------------------------------------------------
