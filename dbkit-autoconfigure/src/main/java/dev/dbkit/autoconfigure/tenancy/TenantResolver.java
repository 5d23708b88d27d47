package dev.dbkit.autoconfigure.tenancy;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the tenant of a web request. The default reads the {@code X-Tenant-ID} header
 * ({@code dbkit.tenancy.header}); define a bean to replace it, for example to read a JWT claim in a Spring Security
 * application.
 */
@FunctionalInterface
public interface TenantResolver {

	/**
	 * The request's tenant (a {@code UUID}, {@code Long} or {@code String}, as {@code dbkit.tenancy.id-type} says), or
	 * empty when the request names none (tenant-scoped calls then fail with
	 * {@code TenantMissingException}).
	 * @throws InvalidTenantException when the request names a tenant in a form that is not a tenant id
	 */
	Optional<?> resolve(HttpServletRequest request);

}
