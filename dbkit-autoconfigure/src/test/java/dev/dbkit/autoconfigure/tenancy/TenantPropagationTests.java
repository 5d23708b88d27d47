package dev.dbkit.autoconfigure.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantThreadLocalAccessor;

import static org.assertj.core.api.Assertions.assertThat;

class TenantPropagationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DbkitTenancyAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class));

	@AfterEach
	void clear() {
		TenantContext.clear();
	}

	/** A task that leaves a tenant behind on its pooled thread (it opens a scope and never closes it). */
	private static Optional<UUID> leak(UUID tenant) {
		TenantContext.open(tenant);
		return TenantContext.current();
	}

	@Test
	void aTenantLeftBehindOnTheApplicationTaskExecutorNeverReachesTheNextTask() {
		this.runner.withPropertyValues("spring.task.execution.pool.max-size=1", "spring.task.execution.pool.core-size=1")
			.run((context) -> {
				ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
				UUID stale = UUID.randomUUID();
				UUID own = UUID.randomUUID();
				assertThat(executor.submit(() -> leak(stale)).get(10, TimeUnit.SECONDS)).contains(stale);
				assertThat(executor.submit(TenantContext::current).get(10, TimeUnit.SECONDS)).isEmpty();
				assertThat(TenantContext.callAs(own, () -> executor.submit(() -> leak(stale)))
					.get(10, TimeUnit.SECONDS)).contains(stale);
				assertThat(executor.submit(TenantContext::current).get(10, TimeUnit.SECONDS)).isEmpty();
				assertThat(TenantContext.callAs(own, () -> executor.submit(TenantContext::current))
					.get(10, TimeUnit.SECONDS)).contains(own);
			});
	}

	@Test
	void asyncMethodsWithoutATenantRunWithoutOneAfterALeak() {
		this.runner.withPropertyValues("spring.task.execution.pool.max-size=1", "spring.task.execution.pool.core-size=1")
			.withUserConfiguration(AsyncConfiguration.class)
			.run((context) -> {
				AsyncWork work = context.getBean(AsyncWork.class);
				UUID stale = UUID.randomUUID();
				assertThat(work.leak(stale).get(10, TimeUnit.SECONDS)).contains(stale);
				assertThat(work.current().get(10, TimeUnit.SECONDS)).isEmpty();
				UUID own = UUID.randomUUID();
				assertThat(TenantContext.callAs(own, work::current).get(10, TimeUnit.SECONDS)).contains(own);
				assertThat(work.current().get(10, TimeUnit.SECONDS)).isEmpty();
			});
	}

	@Test
	void scheduledTicksNeverInheritATenantFromAnEarlierTick() {
		this.runner.withPropertyValues("spring.task.scheduling.pool.size=1")
			.withUserConfiguration(ScheduledConfiguration.class)
			.run((context) -> {
				Ticks ticks = context.getBean(Ticks.class);
				assertThat(ticks.done.await(10, TimeUnit.SECONDS)).as("five ticks").isTrue();
				// the first tick leaves a tenant behind; none of the next four sees it
				// a copy: the scheduler keeps ticking, and a sub-list view of the live list would fail on its next tick
				List<Optional<UUID>> seen = List.copyOf(ticks.seen);
				assertThat(seen).hasSizeGreaterThanOrEqualTo(5);
				assertThat(seen.subList(1, 5)).containsOnly(Optional.empty());
			});
	}

	@Test
	void theSchedulerTheApplicationInjectsCarriesTheTenantAndKeepsNone() {
		this.runner.withPropertyValues("spring.task.scheduling.pool.size=1")
			.withUserConfiguration(ScheduledConfiguration.class)
			.run((context) -> {
				ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
				UUID stale = UUID.randomUUID();
				UUID own = UUID.randomUUID();
				assertThat(scheduler.submit(() -> leak(stale)).get(10, TimeUnit.SECONDS)).contains(stale);
				assertThat(scheduler.submit(TenantContext::current).get(10, TimeUnit.SECONDS)).isEmpty();
				assertThat(TenantContext.callAs(own, () -> scheduler.submit(TenantContext::current))
					.get(10, TimeUnit.SECONDS)).contains(own);
			});
	}

	@Test
	void theSimpleAsyncSchedulerOfVirtualThreadsGetsTheDecoratorToo() {
		this.runner.run((context) -> {
			SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
			context.getBean(SimpleAsyncTaskSchedulerCustomizer.class).customize(scheduler);
			try {
				UUID own = UUID.randomUUID();
				assertThat(TenantContext.callAs(own, () -> scheduler.submit(TenantContext::current))
					.get(10, TimeUnit.SECONDS)).contains(own);
				assertThat(scheduler.submit(TenantContext::current).get(10, TimeUnit.SECONDS)).isEmpty();
			}
			finally {
				scheduler.close();
			}
		});
	}

	@Test
	void aPlainExecutorServiceWrappedAsTheReadmeShowsKeepsNoStaleTenant() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		// the README's recipe for an executor Boot does not manage
		ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().clearMissing(true).build();
		ExecutorService executor = ContextExecutorService.wrap(pool, snapshots::captureAll);
		try {
			UUID stale = UUID.randomUUID();
			UUID own = UUID.randomUUID();
			assertThat(executor.submit(() -> leak(stale)).get(10, TimeUnit.SECONDS)).contains(stale);
			assertThat(executor.submit(TenantContext::current).get(10, TimeUnit.SECONDS)).isEmpty();
			assertThat(TenantContext.callAs(own, () -> executor.submit(TenantContext::current))
				.get(10, TimeUnit.SECONDS)).contains(own);
			// unwrapped, the same pool would have run the next task as the stale tenant
			assertThat(pool.submit(() -> leak(stale)).get(10, TimeUnit.SECONDS)).contains(stale);
			assertThat(pool.submit(TenantContext::current).get(10, TimeUnit.SECONDS)).contains(stale);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		AsyncWork asyncWork() {
			return new AsyncWork();
		}

	}

	static class AsyncWork {

		@Async
		public CompletableFuture<Optional<UUID>> leak(UUID tenant) {
			return CompletableFuture.completedFuture(TenantPropagationTests.leak(tenant));
		}

		@Async
		public CompletableFuture<Optional<UUID>> current() {
			return CompletableFuture.completedFuture(TenantContext.current());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ScheduledConfiguration {

		@Bean
		Ticks ticks() {
			return new Ticks();
		}

	}

	static class Ticks {

		final List<Optional<UUID>> seen = new CopyOnWriteArrayList<>();

		final CountDownLatch done = new CountDownLatch(5);

		@Scheduled(fixedDelay = 10)
		public void tick() {
			if (this.seen.isEmpty()) {
				this.seen.add(leak(UUID.randomUUID()));
			}
			else {
				this.seen.add(TenantContext.current());
			}
			this.done.countDown();
		}

	}

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
