DROP TABLE IF EXISTS feature_flags;
