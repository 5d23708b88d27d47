package dev.dbkit.autoconfigure.migration;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.autoconfigure.DbkitProperties;
import dev.dbkit.migration.MigrationException;
import dev.dbkit.migration.MigrationLocation;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

class DbkitMigrationsAutoConfigurationTests {

	private TestDatabase db;

	private ApplicationContextRunner runner;

	@BeforeEach
	void freshDatabase(TestInfo test) {
		this.db = TestPostgres.shared().createDatabase("Migrations_" + test.getTestMethod().orElseThrow().getName());
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					DbkitMigrationsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
					"spring.datasource.username=" + this.db.username(),
					"spring.datasource.password=" + this.db.password());
	}

	@Test
	void appliesNumberedMigrationsOnStartup() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(FlywayMigrationStrategy.class);
			assertThat(history(context.getBean(DataSource.class))).containsExactly("000001", "000002");
			assertThat(tables(context.getBean(DataSource.class))).contains("tenants", "notes");
		});
		this.runner.run((context) -> assertThat(history(context.getBean(DataSource.class))).hasSize(2));
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class,
					DbkitMigrationsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Flyway.class)
				.doesNotHaveBean(DbkitMigrationsAutoConfiguration.DbkitFlywayConfigurationCustomizer.class)
				.doesNotHaveBean(FlywayMigrationStrategy.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("dbkit.migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Flyway.class)
				.doesNotHaveBean(DbkitMigrationsAutoConfiguration.DbkitFlywayConfigurationCustomizer.class)
				.doesNotHaveBean(FlywayMigrationStrategy.class);
			assertThat(tables(context.getBean(DataSource.class))).doesNotContain("tenants");
		});
	}

	@Test
	void springFlywayEnabledFalseStillTurnsMigrationsOff() {
		this.runner.withPropertyValues("spring.flyway.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Flyway.class);
			assertThat(tables(context.getBean(DataSource.class))).doesNotContain("tenants");
		});
	}

	@Test
	void usesACustomLocation() {
		this.runner.withPropertyValues("dbkit.migrations.location=classpath:other/migrations").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables(context.getBean(DataSource.class))).contains("other_things").doesNotContain("tenants");
		});
	}

	@Test
	void userFlywayCustomizerStillApplies() {
		this.runner.withUserConfiguration(CustomHistoryTable.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(FlywayConfigurationCustomizer.class)).containsKeys("customHistoryTable",
					"dbkitFlywayConfigurationCustomizer");
			assertThat(tables(context.getBean(DataSource.class))).contains("custom_history", "tenants", "notes")
				.doesNotContain("flyway_schema_history");
		});
	}

	@Test
	void springFlywayPropertiesStillApply() {
		this.runner.withPropertyValues("spring.flyway.table=history_from_properties").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables(context.getBean(DataSource.class))).contains("history_from_properties", "tenants");
		});
	}

	@Test
	void backsOffWhenUserDefinesMigrationStrategy() {
		this.runner.withUserConfiguration(NoMigrationStrategy.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(FlywayMigrationStrategy.class))
				.isSameAs(context.getBean(NoMigrationStrategy.class).strategy);
			assertThat(tables(context.getBean(DataSource.class))).doesNotContain("tenants");
		});
	}

	@Test
	void editedAppliedMigrationStopsStartupNamingTheVersion() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
		this.db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '000002'");
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationException.class)
				.hasMessage("db/migrations/000002_create_notes.up.sql: edited after version 000002 was applied "
						+ "(checksum changed). Revert the edit and put the change in a new migration "
						+ "(mvn dbkit:new -Dname=...).");
		});
	}

	@Test
	void propertyDefaultsMatchTheLibrary() {
		DbkitProperties properties = new DbkitProperties();
		assertThat(properties.getMigrations().isEnabled()).isTrue();
		assertThat(properties.getMigrations().getLocation()).isEqualTo(MigrationLocation.DEFAULT)
			.isEqualTo("classpath:db/migrations");
	}

	static List<String> history(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
	}

	static List<String> tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource)
			.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomHistoryTable {

		@Bean
		FlywayConfigurationCustomizer customHistoryTable() {
			return (configuration) -> configuration.table("custom_history");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoMigrationStrategy {

		final FlywayMigrationStrategy strategy = (flyway) -> {
		};

		@Bean
		FlywayMigrationStrategy noMigration() {
			return this.strategy;
		}

	}

}
