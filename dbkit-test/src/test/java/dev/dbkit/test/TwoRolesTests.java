package dev.dbkit.test;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * In a Spring Boot test of a {@link DbkitTestDatabase} class, Flyway runs as the database's owner and the
 * application's {@code DataSource} connects as a role that neither owns the tables nor bypasses row-level security,
 * so the policies are in force in the test as in production.
 */
@DbkitTestDatabase
@SpringBootTest(classes = TwoRolesTests.App.class, properties = "spring.flyway.locations=classpath:db/roles")
class TwoRolesTests {

	private static final String TENANT_A = "00000000-0000-0000-0000-00000000000a";

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Test
	void theApplicationIsNeitherOwnerNorSuperuserAndFlywayIsTheOwner(TestDatabase database) {
		JdbcTemplate app = new JdbcTemplate(this.dataSource);
		assertThat(app.queryForObject("SELECT current_user", String.class)).isEqualTo(database.applicationUsername());
		assertThat(app.queryForObject("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
				Boolean.class)).isFalse();
		assertThat(app.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'notes'", String.class))
			.isEqualTo(database.username())
			.isNotEqualTo(database.applicationUsername());
		assertThat(app.queryForObject("SELECT installed_by FROM flyway_schema_history WHERE version = '1'",
				String.class)).isEqualTo(database.username());
	}

	@Test
	void policiesBindTheApplication() {
		JdbcTemplate app = new JdbcTemplate(this.dataSource);
		// without a tenant: no rows, and no row can be planted
		assertThat(app.queryForObject("SELECT count(*) FROM notes", Long.class)).isZero();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> app.update("INSERT INTO notes (tenant_id, body) VALUES (?::uuid, 'planted')", TENANT_A))
			.havingRootCause()
			.withMessageContaining("violates row-level security policy");
		// with tenant A set for the statement's transaction: A's row only
		List<String> bodies = app.queryForList("SELECT body FROM notes WHERE set_config('dbkit.tenant_id', ?, true)"
				+ " IS NOT NULL", String.class, TENANT_A);
		assertThat(bodies).containsExactly("seeded for A");
	}

	@Test
	void theApplicationCannotTruncateChangeTheSchemaOrShadowATable() {
		JdbcTemplate app = new JdbcTemplate(this.dataSource);
		assertThatExceptionOfType(BadSqlGrammarException.class).isThrownBy(() -> app.execute("TRUNCATE notes"))
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> app.execute("ALTER TABLE notes DISABLE ROW LEVEL SECURITY"))
			.havingRootCause()
			.withMessageContaining("must be owner");
		// a temporary table named like a real one would capture the next borrower's statements on a pooled connection
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> app.execute("CREATE TEMPORARY TABLE notes (tenant_id uuid, body text)"))
			.havingRootCause()
			.withMessageContaining("permission denied to create temporary tables");
		assertThat(this.flyway.info().applied()).hasSize(1);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	static class App {

	}

}
