package dev.dbkit.autoconfigure.tenancy;

import dev.dbkit.tenant.TenantIdType;

/**
 * A request named its tenant in a form that is not a tenant id. Answered with 400 and no SQL.
 */
public class InvalidTenantException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String source;

	public InvalidTenantException(String source, String value) {
		this(source, value, TenantIdType.UUID);
	}

	public InvalidTenantException(String source, String value, TenantIdType type) {
		super(source + " must be a tenant id (" + type.description() + "), was '" + abbreviate(value) + "'");
		this.source = source;
	}

	/** Where the tenant id came from, such as the header's name. */
	public String getSource() {
		return this.source;
	}

	private static String abbreviate(String value) {
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 64) ? printable.substring(0, 64) + "..." : printable;
	}

}
