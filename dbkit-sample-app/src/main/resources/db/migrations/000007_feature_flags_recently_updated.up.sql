-- Built without locking writes to feature_flags: CREATE INDEX CONCURRENTLY runs outside a transaction, which
-- dbkit (and Flyway, with the session lock dbkit sets) does by itself for a file like this one. Keep such a
-- statement alone in its file, as golang-migrate requires too.
CREATE INDEX CONCURRENTLY IF NOT EXISTS feature_flags_recently_updated ON feature_flags (tenant_id, updated_at DESC);
