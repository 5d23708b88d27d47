package dev.dbkit.autoconfigure.tenancy;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * Optional check that the caller may work on the request's tenant, before any of the request's work runs: for
 * example that the authenticated user is a member of the tenant a header selected. A tenant the caller may not use
 * gets the same answer as a tenant that does not exist ({@link TenantValidator}), so that an answer never tells a
 * stranger which tenants exist.
 */
@FunctionalInterface
public interface TenantAccess {

	/**
	 * @param principal the request's authenticated principal (with Spring Security, its {@code Authentication}), or
	 * {@code null} when the request is not authenticated
	 */
	boolean permits(@Nullable Principal principal, Object tenantId);

}
