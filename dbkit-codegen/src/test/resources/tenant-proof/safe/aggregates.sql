-- Aggregates and window functions over the tenant's rows only.

-- name: CountTasksPerProject :many
-- GROUP BY over a bound scan.
SELECT project_id, count(*) AS tasks, count(*) FILTER (WHERE done) AS done
FROM tasks
WHERE tenant_id = $1
GROUP BY project_id;

-- name: ProjectBudgetTotals :one
-- sum and avg over the tenant's projects.
SELECT sum(budget) AS total, avg(budget) AS average FROM projects WHERE tenant_id = $1;

-- name: TasksPerAssignee :many
-- string_agg with ORDER BY, HAVING with a parameter.
SELECT assignee, string_agg(title, ', ' ORDER BY title) AS titles, count(*) AS n
FROM tasks
WHERE tenant_id = $1 AND assignee IS NOT NULL
GROUP BY assignee
HAVING count(*) >= $2;

-- name: MilestonesPerMonth :many
-- date_trunc grouping.
SELECT date_trunc('month', due_on) AS month, count(*) AS milestones
FROM milestones
WHERE tenant_id = $1 AND due_on IS NOT NULL
GROUP BY 1
ORDER BY 1;

-- name: TaskPositionInProject :many
-- A window function over a bound scan: the filter is inside, below the window.
SELECT id, title, row_number() OVER (PARTITION BY project_id ORDER BY title) AS position
FROM tasks
WHERE tenant_id = $1;

-- name: RunningEstimate :many
-- A running sum over the tenant's tasks.
SELECT id, estimate, sum(estimate) OVER (ORDER BY id) AS running
FROM tasks
WHERE tenant_id = $1 AND project_id = $2;

-- name: TopTasksPerProject :many
-- A ranked subquery whose scan is bound, filtered on the rank outside.
SELECT s.id, s.title, s.place
FROM (SELECT id, title, rank() OVER (PARTITION BY project_id ORDER BY estimate DESC) AS place
      FROM tasks
      WHERE tenant_id = $1) s
WHERE s.place <= 3;

-- name: ProjectStatusCounts :many
-- count per enum value.
SELECT status, count(*) AS projects FROM projects WHERE tenant_id = $1 GROUP BY status ORDER BY status;
