-- Tenant-first keys: the primary key of a tenant-scoped table includes tenant_id, so that tenant lookups use it, other
-- tables can reference a flag tenant-safely, and the table can be distributed by tenant_id (docs/scaling.md).
ALTER TABLE feature_flags DROP CONSTRAINT feature_flags_pkey;
ALTER TABLE feature_flags ADD CONSTRAINT feature_flags_pkey PRIMARY KEY (tenant_id, id);
