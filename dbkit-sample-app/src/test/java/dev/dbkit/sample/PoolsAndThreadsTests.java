package dev.dbkit.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.query.QueryExecutor;
import dev.dbkit.sample.db.FeatureFlag;
import dev.dbkit.sample.db.FeatureFlagsRepository;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantMissingException;
import dev.dbkit.test.DbkitTestDatabase;
import dev.dbkit.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The tenant on a pool of one connection and an executor of one thread, alternating tenants: it never carries
 * over to the next task and never disappears from the one that has it, also after a transaction failed halfway.
 * (Flyway itself needs two connections to migrate, so the application's pool keeps Boot's size and the calls
 * under test go through a pool of one built on the same database.)
 */
@DbkitTestDatabase
@SpringBootTest(properties = { "spring.task.execution.pool.core-size=1", "spring.task.execution.pool.max-size=1" })
class PoolsAndThreadsTests {

	@Autowired
	FeatureFlagService service;

	@Autowired
	FlagAudit audit;

	@Autowired
	ThreadPoolTaskExecutor applicationTaskExecutor;

	@Autowired
	TestDatabase database;

	private HikariDataSource onePool;

	private FeatureFlagsRepository flags;

	private TransactionTemplate transactions;

	private UUID acme;

	private UUID globex;

	@BeforeEach
	void onePoolAndTwoTenantsWithAFlagEach() {
		this.onePool = new HikariDataSource();
		this.onePool.setJdbcUrl(this.database.jdbcUrl());
		this.onePool.setUsername(this.database.applicationUsername());
		this.onePool.setPassword(this.database.applicationPassword());
		this.onePool.setMaximumPoolSize(1);
		this.flags = new FeatureFlagsRepository(new QueryExecutor(new JdbcTemplate(this.onePool)));
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.onePool));
		this.acme = this.service.createTenant("acme").id();
		this.globex = this.service.createTenant("globex").id();
		TenantContext.runAs(this.acme, () -> this.service.setFlag("acme_flag", true, null));
		TenantContext.runAs(this.globex, () -> this.service.setFlag("globex_flag", true, null));
	}

	@AfterEach
	void closePool() {
		this.onePool.close();
	}

	@Test
	void oneConnectionOneThreadAlternatingTenantsNeverCarriesOneOver() throws Exception {
		assertThat(this.applicationTaskExecutor.getMaxPoolSize()).isEqualTo(1);
		List<Future<String>> results = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			UUID tenant = (i % 3 == 0) ? this.acme : (i % 3 == 1) ? this.globex : null;
			Callable<String> task = this::visibleFlags;
			results.add((tenant != null) ? TenantContext.callAs(tenant, () -> this.applicationTaskExecutor.submit(task))
					: this.applicationTaskExecutor.submit(task));
			expected.add((tenant == this.acme) ? "acme_flag" : (tenant == this.globex) ? "globex_flag" : "no tenant");
		}
		for (int i = 0; i < results.size(); i++) {
			assertThat(results.get(i).get(30, TimeUnit.SECONDS)).as("task %d", i).isEqualTo(expected.get(i));
		}
	}

	@Test
	void asyncMethodsAlternatingTenantsSeeTheirOwn() throws Exception {
		FeatureFlag flag = TenantContext.callAs(this.acme, () -> this.service.flag("acme_flag").orElseThrow());
		for (int i = 0; i < 50; i++) {
			UUID tenant = (i % 2 == 0) ? this.acme : this.globex;
			assertThat(TenantContext.callAs(tenant, () -> get(this.audit.flagChanged(flag)))).isEqualTo(tenant);
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.audit.flagChanged(flag).get())
				.withCauseInstanceOf(TenantMissingException.class);
		}
	}

	@Test
	void aTransactionThatFailsHalfwayKeepsTheTenantAndFreesTheOneConnection() {
		TenantContext.runAs(this.acme, () -> {
			for (int i = 0; i < 20; i++) {
				assertThatIllegalStateException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
					this.flags.upsertFeatureFlag("half_done", true, null);
					throw new IllegalStateException("fails halfway");
				}));
				assertThat(TenantContext.require()).isEqualTo(this.acme);
				assertThat(this.flags.getFeatureFlag("half_done")).isEmpty();
				assertThat(this.flags.listFeatureFlags()).extracting(FeatureFlag::featureKey).containsExactly("acme_flag");
			}
		});
		assertThat(TenantContext.current()).isEmpty();
	}

	@Test
	void virtualThreadsCarryTheirOwnTenant() throws Exception {
		ThreadFactory factory = virtualThreadFactory();
		List<FutureTask<String>> results = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			UUID tenant = (i % 2 == 0) ? this.acme : this.globex;
			FutureTask<String> scoped = new FutureTask<>(() -> TenantContext.callAs(tenant, this::visibleFlags));
			FutureTask<String> unscoped = new FutureTask<>(this::visibleFlags);
			factory.newThread(scoped).start();
			factory.newThread(unscoped).start();
			results.add(scoped);
			results.add(unscoped);
		}
		for (int i = 0; i < results.size(); i++) {
			String expected = (i % 2 == 1) ? "no tenant" : (i % 4 == 0) ? "acme_flag" : "globex_flag";
			assertThat(results.get(i).get(30, TimeUnit.SECONDS)).as("task %d", i).isEqualTo(expected);
		}
	}

	/** What the calling thread's tenant sees through the pool of one connection, or "no tenant". */
	private String visibleFlags() {
		Optional<UUID> tenant = TenantContext.current();
		if (tenant.isEmpty()) {
			assertThatExceptionOfType(TenantMissingException.class).isThrownBy(this.flags::listFeatureFlags);
			return "no tenant";
		}
		return String.join(",", this.flags.listFeatureFlags().stream().map(FeatureFlag::featureKey).toList());
	}

	private static <T> @Nullable T get(Future<T> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Virtual threads are Java 21+; the code is compiled for 17, so they are reached reflectively. */
	private static ThreadFactory virtualThreadFactory() throws ReflectiveOperationException {
		assertThat(Runtime.version().feature()).as("virtual threads need Java 21 or later to run the tests on")
			.isGreaterThanOrEqualTo(21);
		Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
		return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
	}

}
