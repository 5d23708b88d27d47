package dev.dbkit.autoconfigure.tenancy;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.dbkit.tenant.TenantIdType;

/**
 * Reads the tenant id from a request header.
 */
public class HeaderTenantResolver implements TenantResolver {

	private final String header;

	private final TenantIdType type;

	public HeaderTenantResolver(String header) {
		this(header, TenantIdType.UUID);
	}

	public HeaderTenantResolver(String header, TenantIdType type) {
		this.header = header;
		this.type = type;
	}

	public String header() {
		return this.header;
	}

	@Override
	public Optional<Object> resolve(HttpServletRequest request) {
		String value = request.getHeader(this.header);
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(parse(value.strip(), this.header, this.type));
	}

	/** A tenant id in its canonical UUID form, or an {@link InvalidTenantException} that says where it came from. */
	public static UUID parse(String value, String source) {
		return (UUID) parse(value, source, TenantIdType.UUID);
	}

	/** A tenant id of {@code type} in its canonical form, or an {@link InvalidTenantException}. */
	public static Object parse(String value, String source, TenantIdType type) {
		try {
			return type.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTenantException(source, value, type);
		}
	}

}
