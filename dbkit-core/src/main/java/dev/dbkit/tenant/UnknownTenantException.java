package dev.dbkit.tenant;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The current tenant does not exist: a check said so, or a tenant-scoped write hit the tenant's foreign key.
 */
public class UnknownTenantException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final UUID tenantId;

	public UnknownTenantException(UUID tenantId) {
		this(tenantId, null);
	}

	public UnknownTenantException(UUID tenantId, @Nullable Throwable cause) {
		super("Tenant " + tenantId + " does not exist. Use the id of an existing tenant.", cause);
		this.tenantId = tenantId;
	}

	public UUID getTenantId() {
		return this.tenantId;
	}

}
