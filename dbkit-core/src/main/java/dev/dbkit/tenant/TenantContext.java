package dev.dbkit.tenant;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Holds the tenant of the current thread's unit of work, like Spring Security's context holder.
 * <p>
 * Set it for a block with {@link #runAs(UUID, Runnable)} or {@link #callAs(UUID, Supplier)}; the previous value is
 * restored afterwards, also when the block throws, so a pooled thread never keeps a tenant it was lent.
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
	 * Sets the tenant for the current thread without restoring it. For integrations (request filters, context
	 * propagation) that pair it with {@link #clear()} or {@link #restore(UUID)}; application code should prefer
	 * {@link #runAs(UUID, Runnable)}.
	 */
	public static void set(UUID tenantId) {
		CURRENT.set(Objects.requireNonNull(tenantId, "tenantId must not be null"));
	}

	/** Sets the given tenant back, or clears the context when it is {@code null}. */
	public static void restore(@Nullable UUID tenantId) {
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
