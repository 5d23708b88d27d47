-- name: ForgetEvents :exec
-- dbkit:cross-tenant
-- CALL: the procedure's parameter types are the method's; its body is a platform operation.
CALL forget_events($1, $2);

-- name: ForgetAllOldEvents :exec
-- dbkit:cross-tenant
CALL forget_events(sqlc.arg(older_than));

-- name: RefreshCounts :exec
-- dbkit:cross-tenant
REFRESH MATERIALIZED VIEW CONCURRENTLY event_counts;

-- name: EmptyEvents :exec
-- dbkit:cross-tenant
TRUNCATE TABLE events RESTART IDENTITY;

-- name: CountInBlock :exec
-- dbkit:cross-tenant
-- A DO block: compiled by PL/pgSQL's validator at build time, never run there.
DO $$
BEGIN
    PERFORM count(*) FROM events;
END
$$;

-- name: AnnounceRefresh :exec
-- dbkit:side-effects
NOTIFY counts_refreshed, 'all';
