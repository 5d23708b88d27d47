package dev.dbkit.tenant;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Holds the tenant of the current thread's unit of work, like Spring Security's context holder.
 * <p>
 * A tenant id is a {@code UUID} (the default), a {@code long} or a {@code String}, as the plugin's
 * {@code tenantIdType} says; generated code reads it with {@link #require()}, {@link #requireLong()} or
 * {@link #requireString()}, which fail when the current tenant is of another type.
 * <p>
 * Set it for a block with {@link #runAs(UUID, Runnable)} or {@link #callAs(UUID, Supplier)} (or, where the block is
 * not a lambda, {@link #open(UUID)} in a try-with-resources); the previous value is restored afterwards, also when
 * the block throws, so a pooled thread never keeps a tenant it was lent. Nothing public sets a tenant without a
 * block.
 */
public final class TenantContext {

	/**
	 * The logging context's key for the current tenant: while a tenant is set, every log line of the thread can show
	 * it ({@code %X{tenantId}} in a Logback pattern; structured logging writes it as a field). It is the only place
	 * the tenant id is recorded per call: observations never tag it (unbounded cardinality).
	 */
	public static final String MDC_KEY = "tenantId";

	private static final ThreadLocal<@Nullable Object> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	/** Runs {@code work} with {@code tenantId} as the current tenant. */
	public static void runAs(UUID tenantId, Runnable work) {
		callAs(tenantId, () -> {
			work.run();
			return null;
		});
	}

	/** Runs {@code work} with {@code tenantId} as the current tenant (a {@code long} tenant id). */
	public static void runAs(long tenantId, Runnable work) {
		runAs(Long.valueOf(tenantId), work);
	}

	/** Runs {@code work} with {@code tenantId} as the current tenant (a {@code String} tenant id). */
	public static void runAs(String tenantId, Runnable work) {
		runAs((Object) tenantId, work);
	}

	private static void runAs(Object tenantId, Runnable work) {
		callAsId(tenantId, () -> {
			work.run();
			return null;
		});
	}

	/** Calls {@code work} with {@code tenantId} as the current tenant and returns its result. */
	public static <T> T callAs(UUID tenantId, Supplier<T> work) {
		return callAsId(tenantId, work);
	}

	/** Calls {@code work} with {@code tenantId} as the current tenant (a {@code long} tenant id). */
	public static <T> T callAs(long tenantId, Supplier<T> work) {
		return callAsId(tenantId, work);
	}

	/** Calls {@code work} with {@code tenantId} as the current tenant (a {@code String} tenant id). */
	public static <T> T callAs(String tenantId, Supplier<T> work) {
		return callAsId(tenantId, work);
	}

	private static <T> T callAsId(Object tenantId, Supplier<T> work) {
		Objects.requireNonNull(tenantId, "tenantId must not be null");
		Object previous = CURRENT.get();
		put(tenantId);
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
		Object previous = CURRENT.get();
		drop();
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	/**
	 * The current tenant, if any, when tenant ids are UUIDs.
	 * @throws IllegalStateException when the current tenant's id is a {@code long} or a {@code String}
	 */
	public static Optional<UUID> current() {
		Object tenant = CURRENT.get();
		return (tenant == null) ? Optional.empty() : Optional.of(as(tenant, UUID.class, "current"));
	}

	/** The current tenant's id, if any, whatever its type ({@code UUID}, {@code Long} or {@code String}). */
	public static Optional<Object> currentId() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * The current tenant, when tenant ids are UUIDs.
	 * @throws TenantMissingException when no tenant is set
	 */
	public static UUID require() {
		return as(requireId(), UUID.class, "require");
	}

	/**
	 * The current tenant, when tenant ids are {@code long}s.
	 * @throws TenantMissingException when no tenant is set
	 */
	public static long requireLong() {
		return as(requireId(), Long.class, "requireLong");
	}

	/**
	 * The current tenant, when tenant ids are {@code String}s.
	 * @throws TenantMissingException when no tenant is set
	 */
	public static String requireString() {
		return as(requireId(), String.class, "requireString");
	}

	/**
	 * The current tenant's id, whatever its type.
	 * @throws TenantMissingException when no tenant is set
	 */
	public static Object requireId() {
		Object tenant = CURRENT.get();
		if (tenant == null) {
			throw new TenantMissingException("No tenant is set for this call. Run it inside TenantContext.runAs(tenantId, ...) "
					+ "or, in a web request, send the tenant header.");
		}
		return tenant;
	}

	private static <T> T as(Object tenant, Class<T> type, String method) {
		if (!type.isInstance(tenant)) {
			throw new IllegalStateException("The current tenant's id is a " + tenant.getClass().getSimpleName()
					+ ", and TenantContext." + method + "() reads a " + type.getSimpleName() + ": set tenants of the "
					+ "type the plugin's tenantIdType says (uuid, long or string), or read it with requireId()");
		}
		return type.cast(tenant);
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
		return openId(tenantId);
	}

	/** {@link #open(UUID)} for a {@code long} tenant id. */
	public static Scope open(long tenantId) {
		return openId(tenantId);
	}

	/** {@link #open(UUID)} for a {@code String} tenant id. */
	public static Scope open(String tenantId) {
		return openId(tenantId);
	}

	/**
	 * {@link #open(UUID)} for an id whose type is known only at run time (a web filter's, as
	 * {@code dbkit.tenancy.id-type} says): a {@code UUID}, {@code Long} or {@code String}.
	 */
	public static Scope openId(Object tenantId) {
		Objects.requireNonNull(tenantId, "tenantId must not be null");
		if (TenantIdType.of(tenantId) == null) {
			throw new IllegalArgumentException("a tenant id is a UUID, a Long or a String, not a "
					+ tenantId.getClass().getName());
		}
		Object previous = CURRENT.get();
		put(tenantId);
		return new Scope(previous);
	}

	/** The block of an {@link #open(UUID)}: closing it sets back the tenant from before. */
	public static final class Scope implements AutoCloseable {

		private final @Nullable Object previous;

		private boolean closed;

		private Scope(@Nullable Object previous) {
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
	static void set(Object tenantId) {
		put(Objects.requireNonNull(tenantId, "tenantId must not be null"));
	}

	/** Sets the given tenant back, or clears the context when it is {@code null}. */
	static void restore(@Nullable Object tenantId) {
		if (tenantId == null) {
			drop();
		}
		else {
			put(tenantId);
		}
	}

	private static void put(Object tenantId) {
		CURRENT.set(tenantId);
		MDC.put(MDC_KEY, tenantId.toString());
	}

	private static void drop() {
		CURRENT.remove();
		MDC.remove(MDC_KEY);
	}

	/** Removes the current thread's tenant. */
	public static void clear() {
		drop();
	}

}
