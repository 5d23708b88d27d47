package dev.dbkit.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.test.DbkitTestDatabase;
import dev.dbkit.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app starts, applies the seed's migrations before anything uses the database, and shows them on
 * {@code /actuator/flyway}.
 */
@DbkitTestDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	@Test
	void appliesTheSeedMigrationsOnStartup(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(database.name());
		List<String> history = jdbc.queryForList(
				"SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
		assertThat(history).containsExactly("000001_create_update_updated_at_function.up.sql",
				"000002_create_tenants.up.sql", "000003_add_feature_table.up.sql", "000004_row_level_security.up.sql",
				"000005_tenant_first_keys.up.sql", "000006_policy_as_index_condition.up.sql",
				"000007_feature_flags_recently_updated.up.sql");
		assertThat(jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
				String.class))
			.containsExactly("feature_flags", "flyway_schema_history", "tenants");
	}

	@Test
	void updatedAtTriggerWorksOnTheSeedTable() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		String tenant = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('acme') RETURNING id::text",
				String.class);
		// plain SQL as the application role: row-level security wants the tenant set for the transaction
		Boolean fresh = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)).execute((status) -> {
			jdbc.queryForObject("SELECT set_config('dbkit.tenant_id', ?, true)", String.class, tenant);
			jdbc.update("INSERT INTO feature_flags (tenant_id, feature_key, updated_at) "
					+ "VALUES (?::uuid, 'dark_mode', now() - interval '1 day')", tenant);
			jdbc.update("UPDATE feature_flags SET is_enabled = true WHERE tenant_id = ?::uuid", tenant);
			return jdbc.queryForObject(
					"SELECT updated_at > now() - interval '1 minute' FROM feature_flags WHERE tenant_id = ?::uuid",
					Boolean.class, tenant);
		});
		assertThat(fresh).isTrue();
	}

	@Test
	void theApplicationRunsAsARoleThatRowLevelSecurityBinds(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(database.applicationUsername());
		assertThat(jdbc.queryForObject("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
				Boolean.class)).isFalse();
		assertThat(jdbc.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'feature_flags'",
				String.class)).isEqualTo(database.username());
	}

	@Test
	void flywayActuatorEndpointKeepsWorking() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/flyway")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("000003_add_feature_table.up.sql").contains("\"state\":\"SUCCESS\"");
	}

	@Autowired
	DevTokens tokens;

	@Test
	void dbkitActuatorEndpointListsQueriesMigrationsAndTenancyToOperatorsOnly() throws Exception {
		URI endpoint = URI.create("http://localhost:" + this.port + "/actuator/dbkit");
		HttpClient http = HttpClient.newHttpClient();
		assertThat(http.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		String tenantToken = this.tokens.token("aaaaaaaa-0000-0000-0000-000000000000", null);
		assertThat(http.send(HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + tenantToken).build(),
				HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
			.header("Authorization", "Bearer " + this.tokens.token(null, "platform"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"type\":\"dev.dbkit.sample.db.FeatureFlagsRepository\"")
			.contains("\"name\":\"GetFeatureFlag\",\"location\":\"db/queries/feature_flags.sql:")
			.contains("\"scope\":\"cross-tenant\"")
			.contains("\"version\":\"000003\",\"description\":\"add_feature_table\",\"status\":\"applied\"")
			.contains("\"downAvailable\":true")
			.contains("\"idType\":\"uuid\"");
	}

}
