package dev.dbkit.tenant;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Holds the tenant of the current thread's unit of work, like Spring Security's context holder.
 * <p>
 * Set it for a block with {@link #runAs(UUID, Runnable)} or {@link #callAs(UUID, Supplier)} (or, where the block is
 * not a lambda, {@link #open(UUID)} in a try-with-resources); the previous value is restored afterwards, also when
 * the block throws, so a pooled thread never keeps a tenant it was lent. Nothing public sets a tenant without a
 * block.
 */
public final class TenantContext {

	private static final ThreadLocal<@Nullable UUID> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	/** Runs {@code work} with {@code tenantId} as the current tenant. */
	public static void runAs(UUID tenantId, Runnable work) {
		callAs(tenantId, () -> {
			work.run();
			return null;
		});
	}

	/** Calls {@code work} with {@code tenantId} as the current tenant and returns its result. */
	public static <T> T callAs(UUID tenantId, Supplier<T> work) {
		Objects.requireNonNull(tenantId, "tenantId must not be null");
		UUID previous = CURRENT.get();
		CURRENT.set(tenantId);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	/**
	 * Runs platform work that spans tenants ({@code -- dbkit:cross-tenant} repositories) from code that runs for a
	 * tenant, such as a request of tenant A whose handler needs a count over every tenant: the block has no current
	 * tenant (tenant-scoped calls in it throw {@link TenantMissingException}), and the tenant is back afterwards.
	 * Without it, a cross-tenant call inside a tenant's context throws {@link CrossTenantCallException}: a tenant's
	 * code path reaching every tenant's rows is a leak unless someone wrote this on purpose.
	 */
	public static void runAcrossTenants(Runnable work) {
		callAcrossTenants(() -> {
			work.run();
			return null;
		});
	}

	/** {@link #runAcrossTenants(Runnable)} with a result. */
	public static <T> T callAcrossTenants(Supplier<T> work) {
		UUID previous = CURRENT.get();
		CURRENT.remove();
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	/** The current tenant, if any. */
	public static Optional<UUID> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * The current tenant.
	 * @throws TenantMissingException when no tenant is set
	 */
	public static UUID require() {
		UUID tenant = CURRENT.get();
		if (tenant == null) {
			throw new TenantMissingException("No tenant is set for this call. Run it inside TenantContext.runAs(tenantId, ...) "
					+ "or, in a web request, send the tenant header.");
		}
		return tenant;
	}

	/**
	 * Makes {@code tenantId} the current tenant until the returned scope is closed, which sets back whatever was
	 * current before (or nothing). For integrations whose unit of work is not a lambda, such as a servlet filter:
	 * <pre>
	 * try (TenantContext.Scope scope = TenantContext.open(tenantId)) {
	 *     chain.doFilter(request, response);
	 * }
	 * </pre>
	 * Prefer {@link #runAs(UUID, Runnable)}. There is no way to set a tenant that outlives its block.
	 */
	public static Scope open(UUID tenantId) {
		Objects.requireNonNull(tenantId, "tenantId must not be null");
		UUID previous = CURRENT.get();
		CURRENT.set(tenantId);
		return new Scope(previous);
	}

	/** The block of an {@link #open(UUID)}: closing it sets back the tenant from before. */
	public static final class Scope implements AutoCloseable {

		private final @Nullable UUID previous;

		private boolean closed;

		private Scope(@Nullable UUID previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				restore(this.previous);
			}
		}

	}

	/** Sets the tenant for context propagation ({@link TenantThreadLocalAccessor}), which restores it itself. */
	static void set(UUID tenantId) {
		CURRENT.set(Objects.requireNonNull(tenantId, "tenantId must not be null"));
	}

	/** Sets the given tenant back, or clears the context when it is {@code null}. */
	static void restore(@Nullable UUID tenantId) {
		if (tenantId == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(tenantId);
		}
	}

	/** Removes the current thread's tenant. */
	public static void clear() {
		CURRENT.remove();
	}

}
