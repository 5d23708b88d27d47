package dev.dbkit.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test databases are clones of one migrated template per JVM (here: in {@code dbkit-autoconfigure}'s tests, the
 * module that has both dbkit's migration code and a {@code db/migrations} folder on its class path; {@code dbkit-test}
 * cannot depend on {@code dbkit-core}).
 */
@DbkitTestDatabase
class MigratedTemplatesTests {

	@TempDir
	Path folder;

	@Test
	void aTestClassDatabaseIsACloneOfTheMigratedTemplate(TestDatabase database) {
		String template = MigratedTemplates.templateFor(TestPostgres.shared());
		assertThat(template).startsWith(MigratedTemplates.PREFIX);
		List<Timestamp> mine = history(database);
		assertThat(mine).isNotEmpty();
		// migrated once: the clone's history is the template's, to the microsecond
		TestDatabase templateDatabase = new TestDatabase(template, TestPostgres.shared().urlFor(template),
				database.username(), database.password(), database.applicationUsername(),
				database.applicationPassword());
		assertThat(history(templateDatabase)).isEqualTo(mine);
		// and the application's role can use it: the database's own grants are made again on each clone
		assertThat(new JdbcTemplate(database.applicationDataSource())
			.queryForObject("SELECT has_database_privilege(current_user, current_database(), 'CONNECT')",
					Boolean.class)).isTrue();
	}

	@Test
	void changedMigrationsBuildANewTemplateAndDropTheStaleOne() throws Exception {
		Files.writeString(this.folder.resolve("000001_things.up.sql"), "CREATE TABLE things (id INT PRIMARY KEY);");
		Files.writeString(this.folder.resolve("000001_things.down.sql"), "DROP TABLE things;");
		TestPostgres server = TestPostgres.shared();
		String location = "filesystem:" + this.folder;
		String first = MigratedTemplates.build(server, location);
		assertThat(first).isNotNull();
		assertThat(MigratedTemplates.build(server, location)).as("unchanged: reused").isEqualTo(first);
		TestDatabase clone = server.cloneDatabase("first", first);
		assertThat(new JdbcTemplate(clone.dataSource()).queryForObject("SELECT count(*) FROM things", Long.class))
			.isZero();

		Files.writeString(this.folder.resolve("000001_things.up.sql"),
				"CREATE TABLE things (id INT PRIMARY KEY, name TEXT);");
		String second = MigratedTemplates.build(server, location);
		assertThat(second).isNotNull().isNotEqualTo(first);
		assertThat(server.templateExists(first)).as("stale template dropped").isFalse();
		TestDatabase changed = server.cloneDatabase("second", second);
		assertThat(new JdbcTemplate(changed.dataSource()).queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'things' ORDER BY 1",
				String.class)).containsExactly("id", "name");
	}

	private static List<Timestamp> history(TestDatabase database) {
		return new JdbcTemplate(database.dataSource()).queryForList(
				"SELECT installed_on FROM flyway_schema_history ORDER BY installed_rank", Timestamp.class);
	}

}
