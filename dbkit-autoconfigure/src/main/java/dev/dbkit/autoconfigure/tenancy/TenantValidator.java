package dev.dbkit.autoconfigure.tenancy;


/**
 * Optional check that a request's tenant exists, before any of its work runs. When an application defines one, a
 * request for an unknown tenant is answered with 404 and a clear message; without one, such a request simply sees
 * no rows, and a write fails on the tenant's foreign key (also answered with 404).
 */
@FunctionalInterface
public interface TenantValidator {

	/** @param tenantId a {@code UUID}, {@code Long} or {@code String}, as {@code dbkit.tenancy.id-type} says */
	boolean exists(Object tenantId);

}
