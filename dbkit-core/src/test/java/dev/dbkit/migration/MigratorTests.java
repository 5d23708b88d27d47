package dev.dbkit.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.schema.SchemaSnapshot;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Up, down and status against a real PostgreSQL, one fresh database per test.
 */
class MigratorTests {

	static final String FUNCTION_UP = """
			CREATE OR REPLACE FUNCTION update_updated_at_column() RETURNS trigger AS $$
			BEGIN
			    NEW.updated_at = now();
			    RETURN NEW;
			END;
			$$ LANGUAGE plpgsql;
			""";

	static final String TENANTS_UP = """
			CREATE TABLE tenants (
			    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
			    name       TEXT NOT NULL,
			    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
			    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
			);
			CREATE TRIGGER set_updated_at BEFORE UPDATE ON tenants
			    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
			""";

	static final String PROJECTS_UP = """
			CREATE TYPE project_status AS ENUM ('active', 'on_hold');
			CREATE TABLE projects (
			    id        UUID PRIMARY KEY DEFAULT gen_random_uuid(),
			    tenant_id UUID NOT NULL REFERENCES tenants(id),
			    status    project_status NOT NULL DEFAULT 'active',
			    UNIQUE (tenant_id, id)
			);
			CREATE INDEX idx_projects_tenant ON projects(tenant_id);
			CREATE VIEW active_projects AS SELECT * FROM projects WHERE status = 'active';
			ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
			CREATE POLICY tenant_isolation ON projects
			    USING (tenant_id = current_setting('dbkit.tenant_id', true)::uuid);
			""";

	static final String PROJECTS_DOWN = """
			DROP VIEW active_projects;
			DROP TABLE projects;
			DROP TYPE project_status;
			""";

	static final String PLAN_UP = """
			ALTER TABLE tenants ADD COLUMN plan TEXT NOT NULL DEFAULT 'free';
			CREATE SEQUENCE invoice_numbers START 1000;
			""";

	static final String PLAN_DOWN = """
			DROP SEQUENCE invoice_numbers;
			ALTER TABLE tenants DROP COLUMN plan;
			""";

	@TempDir
	Path dir;

	TestDatabase db;

	MigrationFiles files;

	@BeforeEach
	void freshDatabase(TestInfo test) {
		this.db = TestPostgres.shared().createDatabase("MigratorTests_" + test.getTestMethod().orElseThrow().getName());
		this.files = new MigrationFiles(this.dir.resolve("migrations"));
	}

	@Test
	void upAppliesAllInOrderAndARestartAppliesNothing() throws SQLException {
		writeAllFour();
		assertThat(migrator().up()).extracting(Migration::versionText)
			.containsExactly("000001", "000002", "000003", "000004");
		assertThat(history()).containsExactly("000001", "000002", "000003", "000004");
		SchemaSnapshot after = snapshot();
		assertThat(migrator().up()).isEmpty();
		assertThat(history()).containsExactly("000001", "000002", "000003", "000004");
		assertThat(snapshot()).isEqualTo(after);
		assertThat(migrator().status()).extracting(VersionStatus::status).containsOnly(MigrationStatus.APPLIED);
	}

	@Test
	void downOneDownNAndDownAllEachRestoreTheSchemaBeforeTheirUps() throws SQLException {
		List<SchemaSnapshot> before = new ArrayList<>();
		String[][] pairs = { { "000001_create_function", FUNCTION_UP, "DROP FUNCTION update_updated_at_column();" },
				{ "000002_create_tenants", TENANTS_UP, "DROP TABLE tenants;" },
				{ "000003_create_projects", PROJECTS_UP, PROJECTS_DOWN },
				{ "000004_add_plan", PLAN_UP, PLAN_DOWN } };
		for (String[] pair : pairs) {
			before.add(snapshot());
			this.files.pair(pair[0], pair[1], pair[2]);
			assertThat(migrator().up()).hasSize(1);
		}
		SchemaSnapshot all = snapshot();
		assertThat(all.lines()).anyMatch((line) -> line.startsWith("policy public.projects.tenant_isolation"))
			.anyMatch((line) -> line.startsWith("enum public.project_status (active, on_hold)"))
			.anyMatch((line) -> line.startsWith("sequence public.invoice_numbers"));

		assertThat(migrator().rollback(1)).extracting(Migration::versionText).containsExactly("000004");
		assertThat(snapshot().firstDifference(before.get(3))).isEmpty();
		assertThat(history()).containsExactly("000001", "000002", "000003");

		assertThat(migrator().rollback(2)).extracting(Migration::versionText).containsExactly("000003", "000002");
		assertThat(snapshot().firstDifference(before.get(1))).isEmpty();
		assertThat(history()).containsExactly("000001");

		assertThat(migrator().up()).extracting(Migration::versionText).containsExactly("000002", "000003", "000004");
		assertThat(snapshot()).isEqualTo(all);

		assertThat(migrator().rollback(Integer.MAX_VALUE)).hasSize(4);
		assertThat(snapshot().firstDifference(before.get(0))).isEmpty();
		assertThat(snapshot().lines()).isEmpty();
		assertThat(history()).isEmpty();
		assertThat(migrator().rollback(1)).isEmpty();
	}

	@Test
	void editedAppliedFileIsRefusedNamingTheVersion() throws SQLException {
		writeAllFour();
		migrator().up();
		this.files.file("000002_create_tenants.up.sql", TENANTS_UP + "\n-- an afterthought\n");
		assertThat(migrator().status()).filteredOn((s) -> s.versionText().equals("000002"))
			.extracting(VersionStatus::status)
			.containsExactly(MigrationStatus.CHECKSUM_CHANGED);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().up())
			.withMessage(this.files.path("000002_create_tenants.up.sql")
					+ ": edited after version 000002 was applied (checksum changed). Revert the edit and put the change "
					+ "in a new migration (mvn dbkit:new -Dname=...).");
	}

	@Test
	void appliedVersionMissingOnDiskIsRefused() throws SQLException {
		writeAllFour();
		migrator().up();
		this.files.delete("000004_add_plan.up.sql").delete("000004_add_plan.down.sql");
		assertThat(migrator().status()).filteredOn((s) -> s.versionText().equals("000004"))
			.extracting(VersionStatus::status)
			.containsExactly(MigrationStatus.APPLIED_BUT_MISSING);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().up())
			.withMessage("version 000004 (000004_add_plan.up.sql) is applied in the database but its file is missing "
					+ "from " + this.files.directory() + ". Restore the file from version control; migrations that "
					+ "ran must stay on disk.");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().rollback(1))
			.withMessageStartingWith("version 000004 (000004_add_plan.up.sql) is applied but its files are missing");
	}

	@Test
	void unappliedVersionBelowTheCurrentOneIsRefused() throws SQLException {
		this.files.pair("000001_create_function", FUNCTION_UP, "DROP FUNCTION update_updated_at_column();")
			.pair("000003_create_tenants", TENANTS_UP, "DROP TABLE tenants;");
		migrator().up();
		this.files.pair("000002_add_things", "CREATE TABLE things (id int);", "DROP TABLE things;");
		assertThat(migrator().status()).extracting(VersionStatus::versionText, VersionStatus::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("000001", MigrationStatus.APPLIED),
					org.assertj.core.groups.Tuple.tuple("000002", MigrationStatus.BELOW_CURRENT),
					org.assertj.core.groups.Tuple.tuple("000003", MigrationStatus.APPLIED));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().up())
			.withMessage(this.files.path("000002_add_things.up.sql") + ": version 000002 is not applied, but the "
					+ "database is already at version 3. Renumber it above the latest applied version so that it "
					+ "runs after them.");
		assertThat(history()).containsExactly("000001", "000003");
	}

	@Test
	void migrationThatFailsHalfwayLeavesSchemaAndHistoryAtThePreviousVersion() throws SQLException {
		this.files.pair("000001_create_function", FUNCTION_UP, "DROP FUNCTION update_updated_at_column();")
			.pair("000002_create_tenants", TENANTS_UP, "DROP TABLE tenants;");
		migrator().up();
		SchemaSnapshot atTwo = snapshot();
		this.files.pair("000003_broken", """
				-- creates a table, then fails
				CREATE TABLE half (id int);

				INSERT INTO half
				SELECT id FROM nope;
				""", "DROP TABLE half;");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().up())
			.withMessage(this.files.path("000003_broken.up.sql") + ":5: ERROR: relation \"nope\" does not exist. "
					+ "Version 000003 was not applied: its transaction was rolled back and the history is unchanged. "
					+ "Fix the statement and run the migration again.");
		assertThat(history()).containsExactly("000001", "000002");
		assertThat(snapshot()).isEqualTo(atTwo);

		this.files.file("000003_broken.up.sql", "CREATE TABLE half (id int);");
		assertThat(migrator().up()).extracting(Migration::versionText).containsExactly("000003");
	}

	@Test
	void downThatFailsHalfwayLeavesSchemaAndHistoryUnchanged() throws SQLException {
		writeAllFour();
		this.files.file("000004_add_plan.down.sql", """
				DROP SEQUENCE invoice_numbers;
				ALTER TABLE tenants DROP COLUMN no_such_column;
				""");
		migrator().up();
		SchemaSnapshot before = snapshot();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().rollback(2))
			.withMessage(this.files.path("000004_add_plan.down.sql") + ":2: ERROR: column \"no_such_column\" of "
					+ "relation \"tenants\" does not exist. Version 000004 was not rolled back: its schema changes and "
					+ "history row are unchanged. Fix the down file and run rollback again.");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(history()).containsExactly("000001", "000002", "000003", "000004");
	}

	@Test
	void twoMigratorsStartedAtOnceApplyEachVersionExactlyOnce() throws Exception {
		writeAllFour();
		this.files.pair("000005_slow", "SELECT pg_sleep(0.5); CREATE TABLE slow (id int);", "DROP TABLE slow;");
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<Migration>>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					Migrator migrator = migrator();
					start.await();
					return migrator.up();
				}));
			}
			int applied = 0;
			for (Future<List<Migration>> result : results) {
				applied += result.get(60, TimeUnit.SECONDS).size();
			}
			assertThat(applied).isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(history()).containsExactly("000001", "000002", "000003", "000004", "000005");
	}

	@Test
	void downTakesTheSameAdvisoryLockAsFlywaysUp() throws Exception {
		this.files.pair("000001_slow", "SELECT pg_sleep(4); CREATE TABLE slow (id int);", "DROP TABLE slow;");
		Migrator migrator = migrator();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<List<Migration>> up = pool.submit(migrator::up);
			long key;
			try (Connection connection = this.db.dataSource().getConnection()) {
				key = HistoryTable.of(migrator.flyway().getConfiguration(), connection).lockKey();
				boolean lockedByUp = false;
				for (int i = 0; i < 150 && !lockedByUp; i++) {
					Thread.sleep(50);
					lockedByUp = !tryLock(connection, key);
				}
				assertThat(lockedByUp).as("Flyway's up holds the lock key dbkit's down uses").isTrue();
			}
			assertThat(up.get(30, TimeUnit.SECONDS)).hasSize(1);
			try (Connection connection = this.db.dataSource().getConnection()) {
				assertThat(tryLock(connection, key)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void concurrentIndexBuildsRunUpAndDownWithoutHanging() {
		this.files.pair("000001_tasks", "CREATE TABLE tasks (id int, title text);", "DROP TABLE tasks;")
			.pair("000002_tasks_title", "CREATE INDEX CONCURRENTLY tasks_title ON tasks (title);",
					"DROP INDEX CONCURRENTLY tasks_title;");
		// Flyway's default lock (a transaction left open for the whole run) made this wait forever
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			assertThat(migrator().up()).extracting(Migration::versionText).containsExactly("000001", "000002");
			assertThat(count("SELECT count(*) FROM pg_index WHERE indexrelid = 'tasks_title'::regclass AND indisvalid"))
				.isEqualTo(1);
			assertThat(migrator().rollback(1)).extracting(Migration::versionText).containsExactly("000002");
			assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'tasks_title'")).isZero();
			assertThat(history()).containsExactly("000001");
			assertThat(migrator().up()).extracting(Migration::versionText).containsExactly("000002");
			assertThat(migrator().rollback(2)).hasSize(2);
			assertThat(history()).isEmpty();
		});
	}

	@Test
	void aLockWaitEndsAtTheTimeoutNamingTheFileAndTheSessionThatHeldIt() throws Exception {
		this.files.pair("000001_tasks", "CREATE TABLE tasks (id int, title text);", "DROP TABLE tasks;")
			.pair("000002_tasks_title", "CREATE INDEX CONCURRENTLY tasks_title ON tasks (title);",
					"DROP INDEX CONCURRENTLY IF EXISTS tasks_title;");
		Migrator migrator = Migrator.create(this.db.dataSource(), this.files.location(), Duration.ofSeconds(2));
		migrator.upTo(migrator.catalog().find(1).orElseThrow());
		try (Connection holder = this.db.dataSource().getConnection(); Statement statement = holder.createStatement()) {
			// a transaction left open elsewhere: the index build waits for it to end
			holder.setAutoCommit(false);
			statement.execute("SELECT count(*) FROM tasks");
			long started = System.nanoTime();
			assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::up)
				.withMessageContaining(this.files.path("000002_tasks_title.up.sql") + ":1: ERROR: canceling statement "
						+ "due to lock timeout: it waited more than 2 s (dbkit.migrations.lock-timeout) for a lock")
				.withMessageContaining("idle in transaction")
				.withMessageContaining("last statement: SELECT count(*) FROM tasks")
				.withMessageContaining("an index that failed to build is left INVALID");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
			holder.rollback();
		}
		// as the message says: the history records the failure, and the index is left invalid
		assertThat(migrator.status()).extracting(VersionStatus::status)
			.containsExactly(MigrationStatus.APPLIED, MigrationStatus.FAILED);
		assertThat(count("SELECT count(*) FROM pg_index WHERE indexrelid = 'tasks_title'::regclass AND NOT indisvalid"))
			.isEqualTo(1);
	}

	@Test
	void aDownThatWaitsForALockEndsAtTheTimeoutToo() throws Exception {
		this.files.pair("000001_tasks", "CREATE TABLE tasks (id int, title text);", "DROP TABLE tasks;");
		Migrator migrator = Migrator.create(this.db.dataSource(), this.files.location(), Duration.ofSeconds(1));
		migrator.up();
		try (Connection holder = this.db.dataSource().getConnection(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("SELECT count(*) FROM tasks");
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.rollback(1))
				.withMessageContaining(this.files.path("000001_tasks.down.sql") + ":1: ERROR: canceling statement due "
						+ "to lock timeout: it waited more than 1 s")
				.withMessageContaining("last statement: SELECT count(*) FROM tasks")
				.withMessageContaining("its schema changes and history row are unchanged");
			holder.rollback();
		}
		assertThat(history()).containsExactly("000001");
		try (Connection connection = this.db.dataSource().getConnection()) {
			assertThat(connection.createStatement().executeQuery("SHOW lock_timeout")).satisfies((rs) -> {
				rs.next();
				assertThat(rs.getString(1)).as("a borrowed connection gets its lock timeout back").isEqualTo("0");
			});
		}
	}

	@Test
	void statementsThatRunOnlyOutsideATransactionAreRecognised() {
		assertThat(MigrationLocks.nonTransactional("create unique index concurrently x on t (a)"))
			.isEqualTo("CREATE INDEX CONCURRENTLY");
		assertThat(MigrationLocks.nonTransactional("/* c */ DROP INDEX CONCURRENTLY IF EXISTS x"))
			.isEqualTo("DROP INDEX CONCURRENTLY");
		assertThat(MigrationLocks.nonTransactional("REINDEX (CONCURRENTLY) TABLE t")).isEqualTo("REINDEX CONCURRENTLY");
		assertThat(MigrationLocks.nonTransactional("VACUUM ANALYZE t")).isEqualTo("VACUUM");
		assertThat(MigrationLocks.nonTransactional("SELECT 1;\n-- then\nDROP INDEX CONCURRENTLY x;"))
			.as("the first such statement of a script").isEqualTo("DROP INDEX CONCURRENTLY");
		assertThat(MigrationLocks.nonTransactional("CREATE INDEX x ON t (concurrently)")).isNull();
		assertThat(MigrationLocks.nonTransactional("COMMENT ON TABLE t IS 'CREATE INDEX CONCURRENTLY'")).isNull();
	}

	@Test
	void adoptsACleanGolangMigrateDatabaseAtItsVersion() throws SQLException {
		writeAllFour();
		this.db.execute(FUNCTION_UP + TENANTS_UP + """
				CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
				INSERT INTO schema_migrations VALUES (2, false);
				""");
		assertThat(migrator().up()).extracting(Migration::versionText).containsExactly("000003", "000004");
		assertThat(migrator().status()).extracting(VersionStatus::status)
			.containsExactly(MigrationStatus.BASELINE, MigrationStatus.BASELINE, MigrationStatus.APPLIED,
					MigrationStatus.APPLIED);
		assertThat(migrator().rollback(2)).hasSize(2);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().rollback(1))
			.withMessageStartingWith("version 000002 is a baseline")
			.withMessageEndingWith("the database cannot be rolled back below it.");
		assertThat(count("SELECT count(*) FROM schema_migrations")).isEqualTo(1);
	}

	@Test
	void refusesADirtyGolangMigrateDatabase() throws SQLException {
		writeAllFour();
		this.db.execute("""
				CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
				INSERT INTO schema_migrations VALUES (3, true);
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().up())
			.withMessage("schema_migrations (golang-migrate) marks version 3 as dirty: a migration failed halfway and "
					+ "the schema may be half-applied. Repair the schema by hand, then run `migrate force 3` (or UPDATE "
					+ "schema_migrations SET dirty = false) and start again; dbkit will then adopt it.");
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'flyway_schema_history'")).isZero();
	}

	@Test
	void statusListsPendingVersions() {
		writeAllFour();
		this.files.delete("000004_add_plan.up.sql").delete("000004_add_plan.down.sql");
		migrator().up();
		this.files.pair("000004_add_plan", PLAN_UP, PLAN_DOWN);
		List<VersionStatus> status = migrator().status();
		assertThat(status).extracting(VersionStatus::status)
			.containsExactly(MigrationStatus.APPLIED, MigrationStatus.APPLIED, MigrationStatus.APPLIED,
					MigrationStatus.PENDING);
		assertThat(status.get(0).installedOn()).isNotNull();
		assertThat(status.get(3).installedOn()).isNull();
		assertThat(status.get(3).script()).isEqualTo(this.files.path("000004_add_plan.up.sql"));
		assertThat(Migrator.currentVersion(status)).isEqualTo(3);
	}

	private void writeAllFour() {
		this.files.pair("000001_create_function", FUNCTION_UP, "DROP FUNCTION update_updated_at_column();")
			.pair("000002_create_tenants", TENANTS_UP, "DROP TABLE tenants;")
			.pair("000003_create_projects", PROJECTS_UP, PROJECTS_DOWN)
			.pair("000004_add_plan", PLAN_UP, PLAN_DOWN);
	}

	private Migrator migrator() {
		return Migrator.create(this.db.dataSource(), this.files.location());
	}

	private SchemaSnapshot snapshot() throws SQLException {
		try (Connection connection = this.db.dataSource().getConnection()) {
			return SchemaSnapshot.take(connection, List.of("flyway_schema_history", "schema_migrations"));
		}
	}

	private List<String> history() throws SQLException {
		DataSource dataSource = this.db.dataSource();
		List<String> versions = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (count("SELECT count(*) FROM pg_tables WHERE tablename = 'flyway_schema_history'") == 0) {
				return versions;
			}
			try (ResultSet rs = statement.executeQuery(
					"SELECT version FROM flyway_schema_history WHERE success AND type = 'SQL' ORDER BY installed_rank")) {
				while (rs.next()) {
					versions.add(rs.getString(1));
				}
			}
		}
		return versions;
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.db.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
			rs.next();
			boolean locked = rs.getBoolean(1);
			if (locked) {
				statement.execute("SELECT pg_advisory_unlock(" + key + ")");
			}
			return locked;
		}
	}

}
