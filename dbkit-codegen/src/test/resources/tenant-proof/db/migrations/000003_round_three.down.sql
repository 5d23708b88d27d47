DROP TYPE uuid_probe_range;
DROP OPERATOR FAMILY evil.uuid_probe_ops USING btree;
DROP FUNCTION evil.uuid_cmp_probe(UUID, UUID);
DROP TYPE task_pointer;
DROP DOMAIN known_task_ref;
