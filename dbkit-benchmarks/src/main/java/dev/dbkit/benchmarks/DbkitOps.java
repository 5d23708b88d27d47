package dev.dbkit.benchmarks;

import java.util.UUID;

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

	/** The experiment of {@link BareJdbcExecutor}: what skipping JdbcTemplate would gain at most. */
	static FlagOps withoutJdbcTemplate(DataSource dataSource) {
		return injected("dbkit on a bare-JDBC executor (experiment)", new BareJdbcExecutor(dataSource));
	}

	/** The same queries generated with {@code rowLevelSecurity}: every call sets the tenant for the policies. */
	static FlagOps withRowLevelSecurity(DataSource dataSource) {
		dev.dbkit.benchmarks.rls.FeatureFlagsRepository flags = new dev.dbkit.benchmarks.rls.FeatureFlagsRepository(
				new QueryExecutor(new JdbcTemplate(dataSource)));
		return new FlagOps() {

			public String name() {
				return "dbkit with row-level security (" + ((dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari)
						? hikari.getUsername() : "?") + ")";
			}

			public int get(UUID tenant, String key) {
				return TenantContext.callAs(tenant, () -> flags.getFeatureFlag(key)).map((f) -> 1).orElse(0);
			}

			public int list(UUID tenant) {
				return TenantContext.callAs(tenant, () -> flags.listFeatureFlags().size());
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				return TenantContext.callAs(tenant,
						() -> flags.upsertFeatureFlag(key, enabled, metadata).orElseThrow().featureKey().length());
			}

			public void delete(UUID tenant, UUID id) {
				TenantContext.runAs(tenant, () -> flags.deleteFeatureFlag(id));
			}

		};
	}

	private static FlagOps injected(String name, QueryExecutor executor) {
		FeatureFlagsRepository flags = new FeatureFlagsRepository(executor);
		return new FlagOps() {

			public String name() {
				return name;
			}

			public int get(UUID tenant, String key) {
				return TenantContext.callAs(tenant, () -> flags.getFeatureFlag(key)).map((f) -> 1).orElse(0);
			}

			public int list(UUID tenant) {
				return TenantContext.callAs(tenant, () -> flags.listFeatureFlags().size());
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				return TenantContext.callAs(tenant,
						() -> flags.upsertFeatureFlag(key, enabled, metadata).orElseThrow().featureKey().length());
			}

			public void delete(UUID tenant, UUID id) {
				TenantContext.runAs(tenant, () -> flags.deleteFeatureFlag(id));
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
