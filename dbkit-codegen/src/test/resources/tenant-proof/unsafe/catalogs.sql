-- System catalogs, statistics views, statistics functions and sequences: they hold values, counts and
-- sizes computed over every tenant's rows.

-- name: MostCommonTitlesFromPgStats :one
-- pg_stats holds the most common values of tasks.title over every tenant.
SELECT most_common_vals::text FROM pg_stats WHERE tablename = 'tasks' AND attname = 'title';

-- name: RawStatisticValues :many
-- pg_statistic holds the raw sampled values.
SELECT stavalues1::text FROM pg_statistic WHERE starelid = 'projects'::regclass;

-- name: RowEstimateFromPgClass :one
-- pg_class.reltuples estimates the number of rows of every tenant.
SELECT reltuples FROM pg_class WHERE relname = 'tasks';

-- name: LiveTuplesFromStatViews :one
-- pg_stat_user_tables counts every tenant's inserts and live rows.
SELECT n_live_tup, n_tup_ins FROM pg_stat_user_tables WHERE relname = 'projects';

-- name: OtherSessionsQueries :many
-- pg_stat_activity shows the statements other sessions (other tenants' requests) are running.
SELECT query FROM pg_stat_activity WHERE datname = current_database();

-- name: CatalogJoinedToScopedRead :many
-- A catalog joined into an otherwise scoped read.
SELECT t.id, c.reltuples
FROM tasks t
CROSS JOIN pg_catalog.pg_class c
WHERE t.tenant_id = $1 AND c.relname = 'tasks';

-- name: RelationSizeOfTasks :one
-- pg_relation_size grows with every tenant's rows.
SELECT pg_relation_size('tasks');

-- name: LiveTuplesFunction :one
-- The statistics function behind pg_stat_user_tables.
SELECT pg_stat_get_live_tuples('tasks'::regclass);

-- name: SequenceLastValue :one
-- audit_events_id_seq is shared by all tenants: its last value counts every tenant's audit events.
SELECT last_value FROM audit_events_id_seq;

-- name: SequenceLastValueFunction :one
-- The same through pg_sequence_last_value.
SELECT pg_sequence_last_value('audit_events_id_seq');

-- name: SequencesCatalogView :many
-- The same through the pg_sequences view.
SELECT sequencename, last_value FROM pg_sequences;

-- name: IndexUsageStatistics :many
-- pg_stat_user_indexes counts the index tuples read by every tenant's queries.
SELECT indexrelname, idx_tup_read FROM pg_stat_user_indexes WHERE relname = 'feature_flags';
