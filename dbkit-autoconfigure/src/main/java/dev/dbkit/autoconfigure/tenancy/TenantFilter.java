package dev.dbkit.autoconfigure.tenancy;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.UnknownTenantException;

/**
 * Sets {@link TenantContext} to the request's tenant for the whole request and clears it afterwards, also when the
 * request fails, so a pooled server thread never carries a tenant into the next request. A malformed tenant, an
 * unknown one ({@link TenantValidator}) and one the caller may not use ({@link TenantAccess}) are answered before
 * anything else runs, through the application's exception handling (problem details); the last two alike.
 */
public class TenantFilter extends OncePerRequestFilter {

	private final TenantResolver resolver;

	private final @Nullable TenantValidator validator;

	private final @Nullable TenantAccess access;

	private final HandlerExceptionResolver exceptions;

	public TenantFilter(TenantResolver resolver, @Nullable TenantValidator validator,
			HandlerExceptionResolver exceptions) {
		this(resolver, validator, null, exceptions);
	}

	public TenantFilter(TenantResolver resolver, @Nullable TenantValidator validator, @Nullable TenantAccess access,
			HandlerExceptionResolver exceptions) {
		this.resolver = resolver;
		this.validator = validator;
		this.access = access;
		this.exceptions = exceptions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Whatever an earlier request on this thread left behind must not reach this one.
		TenantContext.clear();
		Object tenant;
		try {
			tenant = this.resolver.resolve(request).orElse(null);
			// unknown and not permitted answer alike: the answer must not tell which tenants exist
			if (tenant != null && ((this.validator != null && !this.validator.exists(tenant))
					|| (this.access != null && !this.access.permits(request.getUserPrincipal(), tenant)))) {
				throw new UnknownTenantException(tenant);
			}
		}
		catch (InvalidTenantException | UnknownTenantException ex) {
			this.exceptions.resolveException(request, response, null, ex);
			return;
		}
		if (tenant == null) {
			chain.doFilter(request, response);
			return;
		}
		try (TenantContext.Scope scope = TenantContext.openId(tenant)) {
			chain.doFilter(request, response);
		}
		finally {
			TenantContext.clear();
		}
	}

}
