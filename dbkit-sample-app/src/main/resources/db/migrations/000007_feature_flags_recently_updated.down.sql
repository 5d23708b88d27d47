DROP INDEX CONCURRENTLY IF EXISTS feature_flags_recently_updated;
