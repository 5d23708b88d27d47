-- Platform queries on the global tenants table (it has no tenant_id: no tenant is needed).

-- name: CreateTenant :one
-- Registers a new customer organisation.
INSERT INTO tenants (name)
VALUES ($1)
RETURNING *;

-- name: GetTenant :one
SELECT * FROM tenants
WHERE id = $1;
