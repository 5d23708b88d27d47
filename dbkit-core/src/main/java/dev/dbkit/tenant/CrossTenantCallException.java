package dev.dbkit.tenant;

/**
 * A cross-tenant ({@code -- dbkit:cross-tenant}) query was called while a tenant is current: from a tenant's
 * request or task, where it would hand that tenant every tenant's rows. Thrown before any SQL is sent. Call it
 * outside a tenant (a scheduled platform job), or say that the code means it with
 * {@link TenantContext#runAcrossTenants(Runnable)}.
 */
public class CrossTenantCallException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public CrossTenantCallException(String message) {
		super(message);
	}

}
