package dev.dbkit.tenant;


import org.jspecify.annotations.Nullable;

/**
 * The current tenant does not exist: a check said so, or a tenant-scoped write hit the tenant's foreign key.
 */
public class UnknownTenantException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final Object tenantId;

	public UnknownTenantException(Object tenantId) {
		this(tenantId, null);
	}

	public UnknownTenantException(Object tenantId, @Nullable Throwable cause) {
		super("Tenant " + tenantId + " does not exist. Use the id of an existing tenant.", cause);
		this.tenantId = tenantId;
	}

	/** The tenant's id: a {@code UUID}, {@code Long} or {@code String}. */
	public Object getTenantId() {
		return this.tenantId;
	}

}
