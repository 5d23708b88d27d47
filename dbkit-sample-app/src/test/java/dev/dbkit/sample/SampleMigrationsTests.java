package dev.dbkit.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.dbkit.migration.Migration;
import dev.dbkit.migration.Migrator;
import dev.dbkit.schema.SchemaSnapshot;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's migrations are reversible: after each down, the schema equals the one that the ups below it build on
 * a fresh database.
 */
class SampleMigrationsTests {

	@Test
	void everyDownRestoresTheSchemaBeforeItsUp() throws SQLException {
		TestDatabase db = TestPostgres.shared().createDatabase("SampleMigrationsTests");
		Migrator migrator = Migrator.create(db.dataSource(), "classpath:db/migrations");
		List<Migration> migrations = migrator.catalog().migrations();
		assertThat(migrations).extracting(Migration::versionText)
			.containsExactly("000001", "000002", "000003", "000004", "000005", "000006", "000007");

		migrator.up();
		SchemaSnapshot all = snapshot(db);
		for (int i = migrations.size() - 1; i >= 0; i--) {
			assertThat(migrator.rollback(1)).containsExactly(migrations.get(i));
			SchemaSnapshot expected = (i == 0) ? new SchemaSnapshot(List.of())
					: upTo(migrator, migrations.get(i - 1).versionText());
			assertThat(snapshot(db).firstDifference(expected)).as("after rolling back %s", migrations.get(i).name())
				.isEmpty();
		}
		assertThat(migrator.up()).hasSize(migrations.size());
		assertThat(snapshot(db)).isEqualTo(all);
	}

	/** The schema that the ups up to {@code version} build on a fresh database. */
	private static SchemaSnapshot upTo(Migrator migrator, String version) throws SQLException {
		TestDatabase fresh = TestPostgres.shared().createDatabase("SampleMigrationsTests_upTo_" + version);
		Flyway.configure(migrator.flyway().getConfiguration().getClassLoader())
			.configuration(migrator.flyway().getConfiguration())
			.dataSource(fresh.dataSource())
			.target(version)
			.load()
			.migrate();
		return snapshot(fresh);
	}

	private static SchemaSnapshot snapshot(TestDatabase db) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			return SchemaSnapshot.take(connection, List.of("flyway_schema_history"));
		}
	}

}
