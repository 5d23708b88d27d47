package dev.dbkit.tenant;

import org.jspecify.annotations.Nullable;


/**
 * What a tenant id is: a {@code UUID} (the default), a {@code long} or a {@code String}, as the plugin's
 * {@code tenantIdType} and the property {@code dbkit.tenancy.id-type} say. Parses ids that arrive as text (a header,
 * a token's claim) strictly: one canonical form, so that two spellings never name one tenant.
 */
public enum TenantIdType {

	/** {@code 3f0c8d3e-2b1a-4c5d-9e8f-0a1b2c3d4e5f}, lower or upper case, 36 characters */
	UUID("a UUID such as 3f0c8d3e-2b1a-4c5d-9e8f-0a1b2c3d4e5f"),

	/** {@code 42}: digits, no sign, no leading zero, within a long */
	LONG("a whole number such as 42"),

	/** 1 to 200 characters, none of them control characters, without surrounding spaces */
	STRING("a text of 1 to 200 characters without control characters");

	private final String description;

	TenantIdType(String description) {
		this.description = description;
	}

	/** What an id of this type looks like, for messages. */
	public String description() {
		return this.description;
	}

	/**
	 * The id written as {@code text}.
	 * @throws IllegalArgumentException when the text is not an id of this type in its canonical form
	 */
	public Object parse(String text) {
		switch (this) {
			case UUID -> {
				// UUID.fromString accepts non-canonical forms such as "1-1-1-1-1"
				if (text.length() != 36) {
					throw new IllegalArgumentException(text);
				}
				return java.util.UUID.fromString(text);
			}
			case LONG -> {
				if (!text.matches("0|[1-9][0-9]{0,18}")) {
					throw new IllegalArgumentException(text);
				}
				return Long.parseLong(text); // NumberFormatException (an IllegalArgumentException) past Long.MAX_VALUE
			}
			default -> {
				if (text.isEmpty() || text.length() > 200 || !text.strip().equals(text)
						|| text.chars().anyMatch(Character::isISOControl)) {
					throw new IllegalArgumentException(text);
				}
				return text;
			}
		}
	}

	/** The type of an id value, or {@code null} when it is none of the three. */
	public static @Nullable TenantIdType of(Object id) {
		return (id instanceof java.util.UUID) ? UUID : (id instanceof Long) ? LONG : (id instanceof String) ? STRING
				: null;
	}

}
