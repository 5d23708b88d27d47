package dev.dbkit.autoconfigure.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantThreadLocalAccessor;

import static org.assertj.core.api.Assertions.assertThat;

class TenantPropagationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DbkitTenancyAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class));

	@Test
	void tenantAccessorIsRegisteredWithContextPropagation() {
		assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
			.anyMatch((accessor) -> accessor.key().equals(TenantThreadLocalAccessor.KEY));
	}

	@Test
	void applicationTaskExecutorCarriesTheTenantAndDoesNotKeepIt() {
		this.runner.withPropertyValues("spring.task.execution.pool.max-size=1", "spring.task.execution.pool.core-size=1")
			.run((context) -> {
				assertThat(context).hasSingleBean(TaskDecorator.class);
				assertThat(context.getBean(TaskDecorator.class)).isInstanceOf(ContextPropagatingTaskDecorator.class);
				ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
				UUID tenant = UUID.randomUUID();
				Future<Optional<UUID>> inside = TenantContext.callAs(tenant, () -> executor.submit(TenantContext::current));
				assertThat(inside.get(10, TimeUnit.SECONDS)).contains(tenant);
				assertThat(executor.submit(TenantContext::current).get(10, TimeUnit.SECONDS)).isEmpty();
			});
	}

	@Test
	void backsOffWhenTheApplicationHasATaskDecorator() {
		TaskDecorator own = (runnable) -> runnable;
		this.runner.withBean(TaskDecorator.class, () -> own)
			.run((context) -> assertThat(context.getBean(TaskDecorator.class)).isSameAs(own));
	}

	@Test
	void noDecoratorWithoutContextPropagation() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.context"))
			.run((context) -> assertThat(context).doesNotHaveBean(TaskDecorator.class));
	}

}
