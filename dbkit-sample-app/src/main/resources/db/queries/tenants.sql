-- Queries on the global tenants table (it has no tenant_id: no tenant is needed to read it).

-- name: CreateTenant :one
-- dbkit:cross-tenant
-- Registers a new customer organisation: a write of the table every tenant shares is a platform operation.
INSERT INTO tenants (name)
VALUES ($1)
RETURNING *;

-- name: GetTenant :one
SELECT * FROM tenants
WHERE id = $1;
