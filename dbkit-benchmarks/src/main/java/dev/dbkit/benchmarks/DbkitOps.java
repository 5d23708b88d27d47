package dev.dbkit.benchmarks;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.benchmarks.db.ExplicitTenantCrossTenantRepository;
import dev.dbkit.benchmarks.db.FeatureFlagsRepository;
import dev.dbkit.benchmarks.db.UpsertFeatureFlagExplicitParams;
import dev.dbkit.query.QueryExecutor;
import dev.dbkit.tenant.TenantContext;

/** The generated repositories: the tenant injected from TenantContext, or passed explicitly. */
final class DbkitOps {

	private DbkitOps() {
	}

	static FlagOps injected(DataSource dataSource) {
		return injected("dbkit (tenant from TenantContext)", new QueryExecutor(new JdbcTemplate(dataSource)));
	}

	/**
	 * With an observation registry that records a timer per query (Micrometer's meter handler on a simple meter
	 * registry), as an application with Boot's actuator has.
	 */
	static FlagOps observed(DataSource dataSource) {
		io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
		registry.observationConfig().observationHandler(
				new io.micrometer.core.instrument.observation.DefaultMeterObservationHandler(
						new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
		QueryExecutor executor = new QueryExecutor(new JdbcTemplate(dataSource));
		executor.setObservationRegistry(registry);
		return injected("dbkit, observed (timer per query)", executor);
	}

	/** The experiment of {@link BareJdbcExecutor}: what skipping JdbcTemplate would gain at most. */
	static FlagOps withoutJdbcTemplate(DataSource dataSource) {
		return injected("dbkit on a bare-JDBC executor (experiment)", new BareJdbcExecutor(dataSource));
	}

	/** The same queries generated with {@code rowLevelSecurity}: every call sets the tenant for the policies. */
	static FlagOps withRowLevelSecurity(DataSource dataSource) {
		dev.dbkit.benchmarks.rls.FeatureFlagsRepository flags = new dev.dbkit.benchmarks.rls.FeatureFlagsRepository(
				new QueryExecutor(new JdbcTemplate(dataSource)));
		String user = (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) ? hikari.getUsername() : "?";
		return tenantScoped("dbkit with row-level security (" + user + ")",
				(key) -> flags.getFeatureFlag(key).map((f) -> 1).orElse(0), () -> flags.listFeatureFlags().size(),
				(key, enabled, metadata) -> flags.upsertFeatureFlag(key, enabled, metadata).orElseThrow().featureKey()
					.length(),
				flags::deleteFeatureFlag);
	}

	private static FlagOps injected(String name, QueryExecutor executor) {
		FeatureFlagsRepository flags = new FeatureFlagsRepository(executor);
		return tenantScoped(name, (key) -> flags.getFeatureFlag(key).map((f) -> 1).orElse(0),
				() -> flags.listFeatureFlags().size(),
				(key, enabled, metadata) -> flags.upsertFeatureFlag(key, enabled, metadata).orElseThrow().featureKey()
					.length(),
				flags::deleteFeatureFlag);
	}

	/** An upsert of one generated repository, its result reduced to a number the caller can sink. */
	private interface Upsert {

		int apply(String key, boolean enabled, @Nullable String metadata);

	}

	/** Generated tenant-scoped calls, each run with the tenant in {@code TenantContext}. */
	private static FlagOps tenantScoped(String name, ToIntFunction<String> get, IntSupplier list, Upsert upsert,
			Consumer<UUID> delete) {
		return new FlagOps() {

			public String name() {
				return name;
			}

			public int get(UUID tenant, String key) {
				return TenantContext.callAs(tenant, () -> get.applyAsInt(key));
			}

			public int list(UUID tenant) {
				return TenantContext.callAs(tenant, list::getAsInt);
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				return TenantContext.callAs(tenant, () -> upsert.apply(key, enabled, metadata));
			}

			public void delete(UUID tenant, UUID id) {
				TenantContext.runAs(tenant, () -> delete.accept(id));
			}

		};
	}

	static FlagOps explicit(DataSource dataSource) {
		ExplicitTenantCrossTenantRepository flags = new ExplicitTenantCrossTenantRepository(
				new QueryExecutor(new JdbcTemplate(dataSource)));
		return new FlagOps() {

			public String name() {
				return "dbkit (tenant as a parameter)";
			}

			public int get(UUID tenant, String key) {
				return flags.getFeatureFlagExplicit(tenant, key).map((f) -> 1).orElse(0);
			}

			public int list(UUID tenant) {
				return flags.listFeatureFlagsExplicit(tenant).size();
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				return flags.upsertFeatureFlagExplicit(new UpsertFeatureFlagExplicitParams(tenant, key, enabled, metadata))
					.orElseThrow()
					.featureKey()
					.length();
			}

			public void delete(UUID tenant, UUID id) {
				flags.deleteFeatureFlagExplicit(id, tenant);
			}

		};
	}

}
