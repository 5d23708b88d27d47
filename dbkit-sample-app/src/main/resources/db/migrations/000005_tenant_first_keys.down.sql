ALTER TABLE feature_flags DROP CONSTRAINT feature_flags_pkey;
ALTER TABLE feature_flags ADD CONSTRAINT feature_flags_pkey PRIMARY KEY (id);
