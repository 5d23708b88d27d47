package dev.dbkit.sample;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.sample.db.FeatureFlagsRepository;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.test.DbkitTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's JDBC test slice: no web layer, no services, but the generated repositories on the migrated database, in
 * the slice's transaction (rolled back after each test).
 */
@JdbcTest
@DbkitTestDatabase
class JdbcSliceTests {

	@Autowired
	FeatureFlagsRepository flags;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void generatedRepositoriesAreThereOnTheMigratedDatabase() {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Long.class))
			.isEqualTo(7);
		UUID tenant = this.jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('slice') RETURNING id", UUID.class);
		TenantContext.runAs(tenant, () -> {
			this.flags.upsertFeatureFlag("dark-mode", true, null);
			assertThat(this.flags.listFeatureFlags()).extracting((flag) -> flag.featureKey())
				.containsExactly("dark-mode");
		});
	}

}
