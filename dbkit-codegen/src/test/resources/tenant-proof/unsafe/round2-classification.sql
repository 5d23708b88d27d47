-- Relations whose rows belong to tenants but that the proof classifies as global or unscoped (so any
-- statement may read and write them), and a materialized view whose tenant_id column is trusted.

-- name: ReadEveryTenantsBillingEmail :many
-- ACCEPTED BY CURRENT CODE?
-- tenant_profiles is keyed by the tenant's id (id REFERENCES tenants (id)) but has no column named tenant_id:
-- it is classified as unscoped lookup data, so every tenant's billing email can be read.
SELECT id, billing_email, plan FROM tenant_profiles;

-- name: ReadAnotherTenantsProfileById :one
-- ACCEPTED BY CURRENT CODE?
-- One other tenant's profile, by its id.
SELECT billing_email, plan FROM tenant_profiles WHERE id = $1;

-- name: ChangeAnotherTenantsPlan :execrows
-- ACCEPTED BY CURRENT CODE?
-- Writes another tenant's profile: an unscoped table is writable without any condition.
UPDATE tenant_profiles SET plan = $2, billing_email = $3 WHERE id = $1;

-- name: RenameAnotherTenant :execrows
-- ACCEPTED BY CURRENT CODE?
-- tenants is global (it is what tenant_id references), and global tables are written without any check: this
-- renames any tenant (each of its rows is one tenant's own data).
UPDATE tenants SET name = $2 WHERE id = $1;

-- name: RenameEveryTenant :execrows
-- ACCEPTED BY CURRENT CODE?
-- The same for every tenant at once.
UPDATE tenants SET name = name || $1;

-- name: RenameCountryForEveryTenant :execrows
-- ACCEPTED BY CURRENT CODE?
-- countries is shared lookup data: a tenant's statement that writes it changes what every other tenant reads
-- (a write of shared data that is not the tenant's, which only a platform query should do).
UPDATE countries SET name = $2 WHERE code = $1;

-- name: ReadPlatformRankFromTenantMatview :many
-- ACCEPTED BY CURRENT CODE?
-- project_rankings has a tenant_id column, so it is a tenant table and reading it bound to the tenant is
-- accepted, but its rows were computed over every tenant: the platform-wide rank of each project and the
-- number of projects of all tenants.
SELECT project_id, name, platform_rank, platform_projects FROM project_rankings WHERE tenant_id = $1;
