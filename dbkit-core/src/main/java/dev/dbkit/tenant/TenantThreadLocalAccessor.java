package dev.dbkit.tenant;


import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer's context propagation carry {@link TenantContext} to other threads: Spring's
 * {@code ContextPropagatingTaskDecorator} (executors, {@code @Async}), Reactor, and anything else that takes a
 * context snapshot. Registered through {@code META-INF/services}.
 */
public final class TenantThreadLocalAccessor implements ThreadLocalAccessor<Object> {

	/** The key of the tenant in a context snapshot. */
	public static final String KEY = "dbkit.tenant";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable Object getValue() {
		return TenantContext.currentId().orElse(null);
	}

	@Override
	public void setValue(Object value) {
		TenantContext.set(value);
	}

	@Override
	public void setValue() {
		TenantContext.clear();
	}

	@Override
	public void restore(Object previousValue) {
		TenantContext.set(previousValue);
	}

	@Override
	public void restore() {
		TenantContext.clear();
	}

}
