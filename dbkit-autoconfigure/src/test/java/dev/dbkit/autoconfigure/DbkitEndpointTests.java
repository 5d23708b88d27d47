package dev.dbkit.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.dbkit.autoconfigure.actuate.DbkitEndpoint;
import dev.dbkit.autoconfigure.actuate.DbkitEndpoint.DbkitDescriptor;
import dev.dbkit.autoconfigure.actuate.DbkitEndpoint.MigrationDescriptor;
import dev.dbkit.autoconfigure.actuate.DbkitEndpointAutoConfiguration;
import dev.dbkit.autoconfigure.migration.DbkitMigrationsAutoConfiguration;
import dev.dbkit.autoconfigure.repository.DbkitRepositoriesAutoConfiguration;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/dbkit}: repositories and queries, migrations with status, tenancy settings. */
class DbkitEndpointTests {

	private final TestDatabase db = TestPostgres.shared().createDatabase("Endpoint");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				FlywayAutoConfiguration.class, DbkitMigrationsAutoConfiguration.class,
				DbkitRepositoriesAutoConfiguration.class, DbkitEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
				"spring.datasource.username=" + this.db.username(), "dbkit.tenancy.id-type=uuid");

	@Test
	void listsRepositoriesMigrationsAndTenancyWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=dbkit").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DbkitEndpoint.class);
			DbkitDescriptor dbkit = context.getBean(DbkitEndpoint.class).dbkit();
			assertThat(dbkit.repositories()).singleElement().satisfies((repository) -> {
				assertThat(repository.type()).isEqualTo("dev.dbkit.autoconfigure.repository.NotesRepository");
				assertThat(repository.queries()).extracting((q) -> q.name() + " " + q.location() + " " + q.scope())
					.containsExactly("AddNote test:1 tenant", "ListNotes test:2 tenant");
			});
			assertThat(dbkit.migrations()).isNotNull();
			assertThat(dbkit.migrations().versions()).isNotEmpty().allSatisfy((MigrationDescriptor version) -> {
				assertThat(version.status()).isEqualTo("applied");
				assertThat(version.downAvailable()).isTrue();
				assertThat(version.installedOn()).isNotNull();
				assertThat(version.problem()).isNull();
			});
			assertThat(dbkit.migrations().currentVersion())
				.isEqualTo(Long.parseLong(dbkit.migrations().versions().get(dbkit.migrations().versions().size() - 1)
					.version()));
			assertThat(dbkit.tenancy().idType()).isEqualTo("uuid");
			assertThat(dbkit.tenancy().header()).isEqualTo("X-Tenant-ID");
			assertThat(dbkit.tenancy().mdcKey()).isEqualTo("tenantId");
		});
	}

	@Test
	void aVersionRolledBackIsPendingWithItsDown() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=dbkit").run((context) -> {
			this.db.execute("DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT max(installed_rank) FROM "
					+ "flyway_schema_history)");
			var versions = context.getBean(DbkitEndpoint.class).dbkit().migrations().versions();
			assertThat(versions.get(versions.size() - 1).status()).isEqualTo("pending");
			assertThat(versions.get(versions.size() - 1).downAvailable()).isTrue();
		});
	}

	@Test
	void notThereUnlessExposedAsBootsOwnEndpoints() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DbkitEndpoint.class));
	}

}
