package dev.dbkit.tenant;

/**
 * Thrown when tenant-scoped work is attempted without a current tenant, before any SQL is sent.
 */
public class TenantMissingException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public TenantMissingException(String message) {
		super(message);
	}

}
