package dev.dbkit.autoconfigure.embedded;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.autoconfigure.DbkitProperties;
import dev.dbkit.autoconfigure.migration.DbkitMigrationsAutoConfiguration;
import dev.dbkit.embedded.DatabaseRoles;
import dev.dbkit.embedded.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DbkitEmbeddedPostgresAutoConfigurationTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DbkitEmbeddedPostgresAutoConfiguration.class,
				DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				DbkitMigrationsAutoConfiguration.class));

	@Test
	void startsEmbeddedPostgresWhenNoUrlIsSetAndLogsWhereItsDataLives(CapturedOutput output) {
		Path data = this.temp.resolve("pgdata");
		this.runner.withPropertyValues("dbkit.embedded-postgres.data-directory=" + data).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgresServer.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("app");
			assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17.");
			assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history", String.class))
				.containsExactly("000001", "000002");
		});
		assertThat(output).contains("its data lives in " + data.toAbsolutePath());
	}

	@Test
	void dataSurvivesARestart() {
		ApplicationContextRunner persistent = this.runner
			.withPropertyValues("dbkit.embedded-postgres.data-directory=" + this.temp.resolve("pgdata"));
		persistent.run((context) -> new JdbcTemplate(context.getBean(DataSource.class))
			.update("INSERT INTO tenants (name) VALUES ('acme')"));
		persistent.run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT name FROM tenants", String.class)).containsExactly("acme");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history", Integer.class)).isEqualTo(2);
		});
	}

	@Test
	void flywayRunsAsTheOwnerAndTheApplicationAsARoleRowLevelSecurityBinds() {
		this.runner.withPropertyValues("dbkit.embedded-postgres.persistent=false").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APPLICATION);
			assertThat(jdbc.queryForObject("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
					Boolean.class)).isFalse();
			assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'tenants'", String.class))
				.isEqualTo(DatabaseRoles.OWNER);
			assertThat(jdbc.queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
				.containsExactly(DatabaseRoles.OWNER);
		});
	}

	@Test
	void aDatabaseOfAnEarlierDbkitOwnedByTheSuperuserIsKeptAndUsedAsBeforeWithAWarning(CapturedOutput output) {
		Path data = this.temp.resolve("legacy");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(data, 0)) {
			server.createDatabaseIfMissing("app");
		}
		this.runner.withPropertyValues("dbkit.embedded-postgres.data-directory=" + data).run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(EmbeddedPostgresServer.USER);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history", Integer.class)).isEqualTo(2);
		});
		assertThat(output).contains("was created by an earlier dbkit and belongs to the superuser");
	}

	@Test
	void notPersistentStartsEmptyEveryTime() {
		ApplicationContextRunner temporary = this.runner.withPropertyValues("dbkit.embedded-postgres.persistent=false");
		temporary.run((context) -> new JdbcTemplate(context.getBean(DataSource.class))
			.update("INSERT INTO tenants (name) VALUES ('acme')"));
		temporary.run((context) -> assertThat(new JdbcTemplate(context.getBean(DataSource.class))
			.queryForObject("SELECT count(*) FROM tenants", Integer.class)).isZero());
	}

	@Test
	void backsOffWhenADataSourceUrlIsSet() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:1/elsewhere",
				"spring.flyway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class)
				.getBean(JdbcConnectionDetails.class)
				.extracting(JdbcConnectionDetails::getJdbcUrl)
				.isEqualTo("jdbc:postgresql://localhost:1/elsewhere"));
	}

	@Test
	void backsOffWhenDisabled() {
		embeddedOnly().withPropertyValues("dbkit.embedded-postgres.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class));
	}

	@Test
	void backsOffWhenTheModuleIsAbsent() {
		embeddedOnly().withClassLoader(new FilteredClassLoader(EmbeddedPostgresServer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class));
	}

	@Test
	void backsOffWhenConnectionDetailsAreDefined() {
		JdbcConnectionDetails details = new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "u";
			}

			@Override
			public String getPassword() {
				return "p";
			}

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://localhost:1/from-details";
			}

		};
		this.runner.withPropertyValues("spring.flyway.enabled=false")
			.withBean(JdbcConnectionDetails.class, () -> details)
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class));
	}

	private static ApplicationContextRunner embeddedOnly() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DbkitEmbeddedPostgresAutoConfiguration.class));
	}

	@Test
	void propertyDefaults() {
		DbkitProperties.EmbeddedPostgres defaults = new DbkitProperties().getEmbeddedPostgres();
		assertThat(defaults.isEnabled()).isTrue();
		assertThat(defaults.isPersistent()).isTrue();
		assertThat(defaults.getDataDirectory()).isEqualTo(".dbkit/postgres");
		assertThat(defaults.getPort()).isZero();
		assertThat(defaults.getDatabase()).isEqualTo("app");
	}

}
