package dev.dbkit.sample;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.migration.Migrator;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations when things go wrong around them: several instances starting at once, and the JVM killed in the
 * middle of a migration. (A failing migration, an edited applied file, an unapplied version below the current one
 * and a down that fails halfway are proved in dbkit-core's MigratorTests and dbkit-autoconfigure's tests.)
 */
class MigrationFaultsTests {

	@TempDir
	Path dir;

	@Test
	void fourInstancesStartedAtOnceOnOneEmptyDatabaseAllStartAndApplyEachVersionOnce() throws Exception {
		TestDatabase db = TestPostgres.shared().createDatabase("FourInstances");
		int instances = 4;
		CyclicBarrier start = new CyclicBarrier(instances);
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		try {
			List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				started.add(pool.submit(() -> {
					start.await();
					return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE)
						.run("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
								"--spring.main.banner-mode=off", "--dbkit.tenancy.enabled=false");
				}));
			}
			for (Future<ConfigurableApplicationContext> context : started) {
				contexts.add(context.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			contexts.forEach(ConfigurableApplicationContext::close);
			pool.shutdownNow();
		}
		assertThat(contexts).hasSize(instances);
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
				String.class))
			.containsExactly("000001", "000002", "000003", "000004", "000005", "000006", "000007");
		System.out.printf("migration faults: %d instances started at once, each version applied once%n", instances);
	}

	@Test
	void aJvmKilledInTheMiddleOfAMigrationLeavesNothingHalfAppliedAndTheNextStartAppliesIt() throws Exception {
		TestDatabase db = TestPostgres.shared().createDatabase("KilledMigration");
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("000001_first.up.sql"), "CREATE TABLE first (id int);");
		Files.writeString(migrations.resolve("000001_first.down.sql"), "DROP TABLE first;");
		Files.writeString(migrations.resolve("000002_long.up.sql"), """
				CREATE TABLE half (id int);
				INSERT INTO half VALUES (1);
				SELECT pg_sleep(4);
				CREATE TABLE after_sleep (id int);
				""");
		Files.writeString(migrations.resolve("000002_long.down.sql"), "DROP TABLE after_sleep; DROP TABLE half;");

		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				MigrateMain.class.getName(), db.jdbcUrl(), db.username(), migrations.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("migrate.log").toFile())
			.start();
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		boolean sleeping = false;
		for (int i = 0; i < 300 && !sleeping; i++) {
			Thread.sleep(50);
			sleeping = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
					+ "AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep(4)%' AND state = 'active'", Integer.class) > 0;
		}
		assertThat(sleeping).as("the migration is running in the other JVM:%n%s",
				Files.readString(this.dir.resolve("migrate.log"))).isTrue();
		process.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the client
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(137);

		// Nothing of version 2 is visible: its transaction never committed.
		assertThat(tables(jdbc)).contains("first").doesNotContain("half", "after_sleep");
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history", String.class))
			.containsExactly("000001");

		// The next start applies it cleanly (it waits for the dead session's lock to go).
		Migrator.create(db.dataSource(), "filesystem:" + migrations).up();
		assertThat(tables(jdbc)).contains("first", "half", "after_sleep");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM half", Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
				String.class))
			.containsExactly("000001", "000002");
		System.out.println("migration faults: 1 JVM killed with SIGKILL mid-migration, survived");
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
	}


}
