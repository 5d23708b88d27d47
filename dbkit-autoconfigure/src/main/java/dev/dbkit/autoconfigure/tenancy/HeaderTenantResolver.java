package dev.dbkit.autoconfigure.tenancy;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the tenant id from a request header.
 */
public class HeaderTenantResolver implements TenantResolver {

	private final String header;

	public HeaderTenantResolver(String header) {
		this.header = header;
	}

	public String header() {
		return this.header;
	}

	@Override
	public Optional<UUID> resolve(HttpServletRequest request) {
		String value = request.getHeader(this.header);
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(parse(value.strip(), this.header));
	}

	/** A tenant id in its canonical UUID form, or an {@link InvalidTenantException} that says where it came from. */
	public static UUID parse(String value, String source) {
		// UUID.fromString accepts non-canonical forms such as "1-1-1-1-1"; a tenant id must be the canonical one.
		if (value.length() != 36) {
			throw new InvalidTenantException(source, value);
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTenantException(source, value);
		}
	}

}
