package dev.dbkit.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.codegen.parse.QueryFile;
import dev.dbkit.codegen.verify.SchemaVerifier;
import dev.dbkit.codegen.verify.VerifyConfig;
import dev.dbkit.codegen.verify.VerifyReport;
import dev.dbkit.migration.Migrator;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A build must be safe to run on a stranger's pull request: hostile query files and migrations cannot run a command
 * on the build machine or write anything during {@code generate} or {@code verify}. Each way in is tried for real,
 * and the command would leave a file behind.
 */
class BuildSandboxTests {

	@TempDir
	Path project;

	/** A query PostgreSQL reads as two statements (its line comment ends at the carriage return). */
	private String hostileQuery(Path marker) {
		return "-- name: Innocent :one\nSELECT 1 --\r; COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'\n";
	}

	@Test
	void aQueryThatPostgresWouldRunAsTwoStatementsIsNeverSentEvenToASuperuser() throws Exception {
		Path marker = this.project.resolve("pwned-by-query");
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<QueryFile> files = CodeGenerator.parse(List.of(new CodeGenerator.QuerySource("db/queries/evil.sql",
				"db/queries/evil.sql", hostileQuery(marker))), diagnostics);
		// the worst case: an analysis server that would run the command if the text reached it
		TestDatabase admin = TestPostgres.shared()
			.asAdministrator(TestPostgres.shared().createDatabase("sandbox_superuser"));
		CodeGenerator.analyze(new GeneratorConfig("com.example.sandbox"), files, admin.dataSource(),
				simple(admin), diagnostics);
		assertThat(diagnostics).extracting(Diagnostic::toString)
			.containsExactly("db/queries/evil.sql:2:15: query Innocent holds more than one statement: start each "
					+ "query with its own `-- name: QueryName :command` line");
		assertThat(marker).doesNotExist();
	}

	@Test
	void whereDbkitAndTheDriverReadOneStatementButPostgresTwoNothingRuns() throws Exception {
		// The last line of defence, should dbkit's lexer and pgjdbc ever agree on a reading PostgreSQL does not
		// share: the server sees the text first through the extended protocol, which runs nothing and refuses more
		// than one statement. Simulated with a JDBC text pgjdbc reads as one statement (a vertical tab is not white
		// space to it, so it sees strings where PostgreSQL sees an E'' string and a second statement).
		TestDatabase db = TestPostgres.shared().createDatabase("sandbox_server_boundaries");
		String hostile = "SELECT\u000BE'\\'' ; CREATE TABLE written_at_build (x int) --'";
		dev.dbkit.codegen.parse.SourceText source = dev.dbkit.codegen.parse.SourceText.of("db/queries/q.sql",
				"-- name: Two :one\nSELECT 1\n");
		dev.dbkit.codegen.parse.Query query = new dev.dbkit.codegen.parse.Query(source, "Two",
				dev.dbkit.codegen.parse.QueryCommand.ONE, 0, "SELECT 1", "SELECT 1", new int[] { 18, 19, 20, 21, 22, 23,
						24, 25 }, hostile, new int[0], List.of(), List.of(), false, false, List.of(), false);
		List<Diagnostic> diagnostics = new ArrayList<>();
		CodeGenerator.analyze(new GeneratorConfig("com.example.sandbox"),
				List.of(new QueryFile(source, "q", "db/queries/q.sql", List.of(query))), db.dataSource(), simple(db),
				diagnostics);
		assertThat(diagnostics).singleElement().asString().contains("PostgreSQL reads this text as more than one "
				+ "statement, where dbkit reads one; nothing of it was run");
		assertThat(new JdbcTemplate(db.dataSource())
			.queryForObject("SELECT count(*) FROM pg_class WHERE relname = 'written_at_build'", Long.class)).isZero();
	}

	@Test
	void generateAndVerifyRefuseTheHostileQueryFileAtItsLine() throws Exception {
		Path marker = this.project.resolve("pwned-by-generate");
		write("db/migrations/000001_t.up.sql", "CREATE TABLE t (id int);\n");
		write("db/migrations/000001_t.down.sql", "DROP TABLE t;\n");
		write("db/queries/evil.sql", hostileQuery(marker));
		assertThatThrownBy(() -> generation(null).run()).isInstanceOf(CodegenException.class)
			.hasMessageContaining("db/queries/evil.sql:2:15: query Innocent holds more than one statement");
		TestDatabase db = TestPostgres.shared().createDatabase("sandbox_verify");
		VerifyReport report = new SchemaVerifier(VerifyConfig.defaults()).verify(this.project,
				this.project.resolve("db/migrations"), this.project.resolve("db/queries"), db.dataSource(), simple(db));
		assertThat(report.findings()).anySatisfy((finding) -> assertThat(finding.toString())
			.contains("db/queries/evil.sql:2").contains("more than one statement"));
		assertThat(marker).doesNotExist();
	}

	@Test
	void aMigrationCannotRunACommandBecauseTheAnalysisIsNoSuperuser() throws Exception {
		Path marker = this.project.resolve("pwned-by-migration");
		write("db/migrations/000001_evil.up.sql", "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "';\n");
		write("db/migrations/000001_evil.down.sql", "SELECT 1;\n");
		write("db/queries/q.sql", "-- name: One :one\nSELECT 1 AS one\n");
		assertThatThrownBy(() -> generation(null).run()).hasStackTraceContaining("pg_execute_server_program");
		assertThat(marker).doesNotExist();
	}

	@Test
	void analysisWritesNothingEvenThroughFunctionsThePlannerRuns() throws Exception {
		// a function declared IMMUTABLE is run by the planner when its arguments are constants: PREPARE and
		// EXPLAIN would run its writes, but analysis runs in a read-only transaction that it rolls back
		TestDatabase db = TestPostgres.shared().createDatabase("sandbox_writes");
		write("db/migrations/000001_evil.up.sql", """
				CREATE TABLE audit (x int);
				CREATE SEQUENCE counter;
				CREATE FUNCTION evil() RETURNS int IMMUTABLE LANGUAGE plpgsql AS $$
				BEGIN INSERT INTO audit VALUES (1); RETURN 1; END $$;
				CREATE FUNCTION next_counter() RETURNS bigint IMMUTABLE LANGUAGE sql AS $$ SELECT nextval('counter') $$;
				""");
		write("db/migrations/000001_evil.down.sql", "DROP FUNCTION next_counter, evil; DROP SEQUENCE counter; DROP TABLE audit;");
		Migrator.create(db.dataSource(), "filesystem:" + this.project.resolve("db/migrations")).up();
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<QueryFile> files = CodeGenerator.parse(List.of(new CodeGenerator.QuerySource("db/queries/evil.sql",
				"db/queries/evil.sql", "-- name: Evil :one\nSELECT evil() AS e\n\n-- name: Counter :one\n"
						+ "SELECT next_counter() AS c\n\n-- name: Fine :one\nSELECT count(*) AS n FROM audit\n")),
				diagnostics);
		CodeGenerator.Analysis analysis = CodeGenerator.analyze(new GeneratorConfig("com.example.sandbox"), files,
				db.dataSource(), simple(db), diagnostics);
		// PostgreSQL stops the INSERT itself (not in a non-volatile function); the sequence only the read-only
		// transaction stops
		assertThat(diagnostics).extracting(Diagnostic::toString).containsExactly(
				"db/queries/evil.sql:2:1: query Evil: INSERT is not allowed in a non-volatile function",
				"db/queries/evil.sql:5:1: query Counter: cannot execute nextval() in a read-only transaction");
		// the query after the refused ones is analysed as usual: a failed one leaves no aborted transaction behind
		assertThat(analysis.model().repositories()).isNotEmpty();
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit", Long.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT nextval('counter')", Long.class)).isEqualTo(1);
	}

	@Test
	void aLockHeldElsewhereEndsTheAnalysisWithATimeoutNotAHang() throws Exception {
		TestDatabase db = TestPostgres.shared().createDatabase("sandbox_lock");
		new JdbcTemplate(db.dataSource()).execute("CREATE TABLE t (id int)");
		try (Connection holder = db.dataSource().getConnection(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
			List<Diagnostic> diagnostics = new ArrayList<>();
			List<QueryFile> files = CodeGenerator.parse(List.of(new CodeGenerator.QuerySource("db/queries/t.sql",
					"db/queries/t.sql", "-- name: Ids :many\nSELECT id FROM t\n")), diagnostics);
			long started = System.nanoTime();
			CodeGenerator.analyze(new GeneratorConfig("com.example.sandbox"), files, db.dataSource(), simple(db),
					diagnostics);
			assertThat(diagnostics).singleElement().asString().contains("db/queries/t.sql:2").contains("lock timeout");
			assertThat((System.nanoTime() - started) / 1_000_000_000.0).isLessThan(30);
			holder.rollback();
		}
	}

	@Test
	void textFromQueryFilesAndTheSchemaCannotBecomeJavaCode() throws Exception {
		// the compiler reads a Unicode escape of '*' before comments: copied into Javadoc, it ended the comment and
		// the rest ran when the repository class was loaded (an attacker's round, docs/attacks/2026-12-01-build.md)
		Path marker = this.project.resolve("pwned-by-javadoc");
		String escape = "\\u002a/";
		String code = " static { try { Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker
				+ "\"}).waitFor(); } catch (Exception e) { } } /\\u002a* ";
		// a table's name is at most 63 bytes: enough to end a comment (the rest would not compile)
		String table = "\"notes " + escape + " /\\u002a\"";
		write("db/migrations/000001_notes.up.sql", "CREATE TABLE " + table + " (id bigint PRIMARY KEY, body text);\n");
		write("db/migrations/000001_notes.down.sql", "DROP TABLE " + table + ";\n");
		write("db/queries/notes.sql", "-- name: GetNote :one\n-- Returns a note. " + escape + code + "\n"
				+ "SELECT * FROM " + table + " WHERE id = $1 -- " + escape + code + "\n");
		generation(null).run();
		List<Path> sources;
		try (var walk = Files.walk(this.project.resolve("target/sources"))) {
			sources = walk.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		assertThat(sources).isNotEmpty();
		for (Path source : sources) {
			assertThat(Files.readAllLines(source)).as(source.toString())
				.filteredOn((line) -> line.strip().startsWith("*") || line.strip().startsWith("//"))
				.noneMatch((comment) -> comment.contains("\\"));
		}
		Path classes = Files.createDirectories(this.project.resolve("target/classes"));
		javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), "-proc:none"));
		sources.forEach((source) -> arguments.add(source.toString()));
		assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("generated code compiles")
			.isZero();
		try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			for (Path source : sources) {
				String name = this.project.resolve("target/sources").relativize(source).toString()
					.replace(".java", "").replace('/', '.');
				Class.forName(name, true, loader);
			}
		}
		assertThat(marker).doesNotExist();
	}

	@Test
	void aMigrationThatNeverEndsEndsTheBuildInsteadOfHangingIt() throws Exception {
		write("db/migrations/000001_sleep.up.sql", "SET statement_timeout = 0;\nSELECT pg_sleep(3600);\n");
		write("db/migrations/000001_sleep.down.sql", "SELECT 1;\n");
		long started = System.nanoTime();
		try (AnalysisDatabase database = AnalysisDatabase.start(null, null, null)
			.withSocketTimeout(java.time.Duration.ofSeconds(3))) {
			assertThatThrownBy(() -> Migrator.create(database.dataSource(),
					"filesystem:" + this.project.resolve("db/migrations")).up())
				.hasMessageContaining("000001_sleep.up.sql")
				.hasMessageContaining("did not answer within the connection's socket timeout");
		}
		assertThat((System.nanoTime() - started) / 1_000_000_000.0).isLessThan(60);
	}

	@Test
	void anAnalysisServerUsedAsASuperuserIsRefused() {
		TestDatabase admin = TestPostgres.shared()
			.asAdministrator(TestPostgres.shared().createDatabase("sandbox_admin"));
		assertThatIllegalStateException()
			.isThrownBy(() -> AnalysisDatabase.start(admin.jdbcUrl(), admin.username(), admin.password()))
			.withMessageContaining("is used as " + admin.username() + ", a superuser")
			.withMessageContaining("dbkit.analysisUser");
	}

	private Generation generation(String analysisUrl) {
		Path target = this.project.resolve("target");
		return new Generation(new GeneratorConfig("com.example.sandbox"), this.project,
				this.project.resolve("db/migrations"), this.project.resolve("db/queries"), target.resolve("sources"),
				target.resolve("resources"), target.resolve("state"), analysisUrl, null, null);
	}

	private void write(String path, String content) throws Exception {
		Path file = this.project.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private static CodeGenerator.ConnectionFactory simple(TestDatabase db) {
		return () -> {
			Properties properties = new Properties();
			properties.setProperty("user", db.username());
			properties.setProperty("password", db.password());
			properties.setProperty("preferQueryMode", "simple");
			return DriverManager.getConnection(db.jdbcUrl(), properties);
		};
	}

}
