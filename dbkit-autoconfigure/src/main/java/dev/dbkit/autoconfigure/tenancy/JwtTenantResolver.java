package dev.dbkit.autoconfigure.tenancy;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.dbkit.tenant.TenantIdType;

/**
 * Takes the tenant from the authenticated principal: a claim ({@code tenant_id} by default,
 * {@code dbkit.tenancy.jwt-claim}) of the JWT that Spring Security's resource server verified. The issuer signs it,
 * so a client cannot name a tenant of its choice. A request without a token, or a token without the claim, names no
 * tenant.
 */
public class JwtTenantResolver implements TenantResolver {

	private final String claim;

	private final TenantIdType type;

	public JwtTenantResolver(String claim) {
		this(claim, TenantIdType.UUID);
	}

	public JwtTenantResolver(String claim, TenantIdType type) {
		this.claim = claim;
		this.type = type;
	}

	public String claim() {
		return this.claim;
	}

	@Override
	public Optional<Object> resolve(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof Jwt jwt)) {
			return Optional.empty();
		}
		Object value = jwt.getClaims().get(this.claim);
		if (value == null) {
			return Optional.empty();
		}
		return Optional.of(HeaderTenantResolver.parse(value.toString(), "The token's " + this.claim + " claim",
				this.type));
	}

}
