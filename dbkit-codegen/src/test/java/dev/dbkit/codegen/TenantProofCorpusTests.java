package dev.dbkit.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.codegen.analyze.AnalyzedQuery;
import dev.dbkit.codegen.analyze.Catalog;
import dev.dbkit.codegen.model.ModelBuilder;
import dev.dbkit.codegen.model.ParameterNamer;
import dev.dbkit.codegen.parse.Query;
import dev.dbkit.codegen.parse.QueryFile;
import dev.dbkit.migration.Migrator;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adversarial corpus of the tenant proof ({@code src/test/resources/tenant-proof}): a schema with the shapes
 * that leak (unsafe foreign keys, a child table without tenant_id, views, materialized views, functions, a fake
 * equality operator), statements that try every known way out of a tenant ({@code unsafe/}) and idiomatic ones that
 * must keep working ({@code safe/}).
 * <ul>
 * <li>every unsafe statement is refused, for tenancy, at the place and with the words of
 * {@code expected/unsafe.txt} (rewrite it with {@code -Ddbkit.golden.update=true} and review the diff);</li>
 * <li>every safe statement is accepted, its generated code compiles with every lint as an error, and it is run as
 * tenant A against data of tenants A and B with arguments drawn from both tenants' ids: it never returns B's data,
 * never changes B's rows and never makes A's rows point at B's.</li>
 * </ul>
 */
class TenantProofCorpusTests {

	static final Path CORPUS = Path.of("src/test/resources/tenant-proof");

	static final UUID TENANT_A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000");

	static final UUID TENANT_B = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000000");

	/** Trials per statement; more (up to {@link #MAX_TRIALS}) until it has run twice without an error. */
	private static final int TRIALS = 24;

	private static final int MAX_TRIALS = 400;

	static TestDatabase database;

	@TempDir
	Path work;

	@BeforeAll
	static void migrate() {
		// as the administrator: the corpus's attacks include objects only a superuser may create (operator classes)
		database = TestPostgres.shared().asAdministrator(TestPostgres.shared().createDatabase("tenant_proof"));
		Migrator.create(database.dataSource(), "filesystem:" + CORPUS.resolve("db/migrations").toAbsolutePath()).up();
	}

	@Test
	void everyUnsafeStatementIsRefusedForTenancy() throws IOException {
		assertRefusedForTenancy("unsafe", 300);
	}

	@Test
	void theLimitsOfTheProofAreRefusedWithAWayOut() throws IOException {
		assertRefusedForTenancy("unprovable", 4);
	}

	/**
	 * Every statement of a folder is refused, for tenancy, with exactly the diagnostics of
	 * {@code expected/<folder>.txt}.
	 */
	private void assertRefusedForTenancy(String folder, int minimum) throws IOException {
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<QueryFile> files = parse(folder, diagnostics);
		assertThat(diagnostics).as("the corpus parses").isEmpty();
		analyze(files, diagnostics);
		StringBuilder actual = new StringBuilder();
		diagnostics.stream()
			.sorted((a, b) -> a.toString().compareTo(b.toString()))
			.forEach((d) -> actual.append(d).append('\n'));
		int queries = 0;
		List<String> accepted = new ArrayList<>();
		List<String> otherErrors = new ArrayList<>();
		for (QueryFile file : files) {
			for (Query query : file.queries()) {
				queries++;
				List<Diagnostic> own = diagnostics.stream()
					.filter((d) -> d.path().equals(query.source().path())
							&& d.message().startsWith("query " + query.name() + " "))
					.toList();
				if (own.isEmpty()) {
					accepted.add(query.source().path() + ":" + query.line() + " " + query.name());
				}
				own.stream()
					.filter((d) -> !Diagnostic.TENANCY.equals(d.code()))
					.forEach((d) -> otherErrors.add(d.toString()));
			}
		}
		assertThat(accepted).as("%s statements that were accepted", folder).isEmpty();
		assertThat(otherErrors).as("%s statements refused for something else than tenancy", folder).isEmpty();
		assertThat(queries).as("%s statements in the corpus", folder).isGreaterThanOrEqualTo(minimum);
		Path expected = CORPUS.resolve("expected/" + folder + ".txt");
		if (Corpus.updating()) {
			Files.createDirectories(expected.getParent());
			Files.writeString(expected, actual.toString());
		}
		assertThat(actual.toString()).isEqualTo(Files.readString(expected));
	}

	@Test
	void everySafeStatementIsAcceptedCompilesAndTouchesOnlyTheCallersRows() throws Exception {
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<QueryFile> files = parse("safe", diagnostics);
		CodeGenerator.Analysis analysis = analyze(files, diagnostics);
		assertThat(diagnostics).as("safe statements are accepted").isEmpty();
		compile(analysis);

		int queries = 0;
		try (Connection connection = database.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			seed(connection);
			Pools pools = new Pools(connection);
			String before = tenantBState(connection);
			for (ModelBuilder.FileAnalysis file : analysis.files()) {
				for (AnalyzedQuery query : file.queries()) {
					queries++;
					run(connection, query, pools, before);
				}
			}
			connection.rollback();
		}
		assertThat(queries).as("safe statements in the corpus").isGreaterThanOrEqualTo(50);
	}

	/** Runs one accepted statement as tenant A with arguments drawn from both tenants; B must be untouched. */
	private void run(Connection connection, AnalyzedQuery query, Pools pools, String tenantB) throws SQLException {
		Random random = new Random(query.query().name().hashCode());
		Map<Integer, String> names = ParameterNamer.names(query);
		String table = (query.modifiedTable() != null) ? query.modifiedTable().name() : null;
		int succeeded = 0;
		List<String> failures = new ArrayList<>();
		for (int trial = 0; trial < MAX_TRIALS && (trial < TRIALS || succeeded < 2); trial++) {
			// a third of the trials as an attacker (any id, B's included), the others as a well-meaning caller (A's
			// rows by the parameter's name, fresh ids for new rows half the time)
			Pools.Mode mode = (trial % 3 == 0) ? Pools.Mode.ATTACKER
					: (trial % 3 == 1) ? Pools.Mode.EXISTING : Pools.Mode.NEW;
			Map<Integer, String> arguments = new LinkedHashMap<>();
			for (AnalyzedQuery.Parameter parameter : query.parameters()) {
				arguments.put(parameter.index(), query.tenantParameters().contains(parameter.index())
						? TENANT_A.toString()
						: pools.pick(parameter.typeOid(), names.getOrDefault(parameter.index(), ""), table, mode, random));
			}
			try (Statement savepoint = connection.createStatement()) {
				savepoint.execute("SAVEPOINT trial");
			}
			List<String> returned = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(query.query().jdbcSql())) {
				int[] slots = query.query().slots();
				for (int i = 0; i < slots.length; i++) {
					String value = arguments.get(slots[i]);
					if (value == null) {
						statement.setNull(i + 1, Types.OTHER);
					}
					else {
						statement.setObject(i + 1, value, Types.OTHER);
					}
				}
				if (statement.execute()) {
					try (ResultSet rs = statement.getResultSet()) {
						while (rs.next()) {
							for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
								returned.add(String.valueOf(rs.getObject(c)));
							}
						}
					}
				}
				succeeded++;
			}
			catch (SQLException ex) {
				failures.add(ex.getMessage());
				try (Statement rollback = connection.createStatement()) {
					rollback.execute("ROLLBACK TO SAVEPOINT trial");
				}
			}
			for (String value : returned) {
				boolean leaked = (value.contains("bbbbbbbb") || value.contains("B-SECRET"))
						&& !arguments.containsValue(value);
				assertThat(leaked).as("%s returned %s of tenant B with arguments %s", query.query().name(), value,
						arguments).isFalse();
			}
			assertThat(tenantBState(connection)).as("%s changed tenant B's rows with arguments %s",
					query.query().name(), arguments).isEqualTo(tenantB);
			assertThat(crossTenantReferences(connection)).as("%s made a row point at another tenant's with arguments %s",
					query.query().name(), arguments).isZero();
			try (Statement rollback = connection.createStatement()) {
				rollback.execute("ROLLBACK TO SAVEPOINT trial");
			}
		}
		assertThat(succeeded).as("%s ran at least once (failures: %s)", query.query().name(), failures).isPositive();
	}

	/** A digest of everything tenant B owns. */
	private static String tenantBState(Connection connection) throws SQLException {
		StringBuilder state = new StringBuilder();
		for (String table : List.of("projects", "tasks", "milestones", "feature_flags", "audit_events", "work_items",
				"documents", "notes", "tenant_labels", "contacts", "templates", "task_notes", "flag_toggles", "tags",
				"wiki_pages", "org_notes")) {
			state.append(single(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY "
					+ "x::text)), '') FROM " + table + " x WHERE tenant_id = '" + TENANT_B + "'")).append(' ');
		}
		state.append(single(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(c::text, '|' ORDER BY "
				+ "c::text)), '') FROM task_comments c WHERE c.id::text LIKE 'bbbbbbbb%' OR c.task_id IN (SELECT id "
				+ "FROM tasks WHERE tenant_id = '" + TENANT_B + "')"));
		// rows shared with every tenant, and the tenant's own row of tenant_profiles
		state.append(' ').append(single(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' "
				+ "ORDER BY x::text)), '') FROM templates x WHERE tenant_id IS NULL"));
		state.append(' ').append(single(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' "
				+ "ORDER BY x::text)), '') FROM tenant_profiles x WHERE id = '" + TENANT_B + "'"));
		return state.toString();
	}

	private static long crossTenantReferences(Connection connection) throws SQLException {
		return Long.parseLong(single(connection, "SELECT (SELECT count(*) FROM milestones m JOIN projects p ON p.id = "
				+ "m.project_id WHERE m.tenant_id <> p.tenant_id) + (SELECT count(*) FROM tasks t JOIN tasks b ON b.id = "
				+ "t.blocked_by WHERE t.tenant_id <> b.tenant_id) + (SELECT count(*) FROM tasks t JOIN projects p ON "
				+ "p.id = t.project_id WHERE t.tenant_id <> p.tenant_id)"));
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void seed(Connection connection) throws IOException, SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(Files.readString(CORPUS.resolve("seed.sql")));
		}
	}

	/** Arguments by type: ids of both tenants' rows (and both tenants), fresh ids, and plain values. */
	private static final class Pools {

		enum Mode {

			/** anything, most of all the other tenant's ids */
			ATTACKER,
			/** the caller's own rows, chosen by the parameter's name */
			EXISTING,
			/** the caller's own rows, and fresh ids and names for new rows */
			NEW

		}

		private final Map<String, List<String>> byType = new LinkedHashMap<>();

		/** Tenant A's ids by table. */
		private final Map<String, List<String>> ownIds = new LinkedHashMap<>();

		private final Catalog catalog;

		Pools(Connection connection) throws SQLException {
			this.catalog = Catalog.load(connection);
			List<String> ids = new ArrayList<>();
			for (String table : List.of("projects", "tasks", "milestones", "feature_flags", "task_comments", "tenants")) {
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT id::text FROM " + table + " ORDER BY id")) {
					while (rs.next()) {
						ids.add(rs.getString(1));
						if (rs.getString(1).startsWith("aaaaaaaa")) {
							this.ownIds.computeIfAbsent(table, (k) -> new ArrayList<>()).add(rs.getString(1));
						}
					}
				}
			}
			for (int i = 0; i < ids.size() / 2; i++) {
				ids.add(UUID.randomUUID().toString());
			}
			this.byType.put("uuid", ids);
			this.byType.put("_uuid", List.of("{" + String.join(",", ids.subList(0, 6)) + "}",
					"{" + String.join(",", ids) + "}"));
			this.byType.put("text", List.of("new title", "dark-mode", "beta", "ann", "A1", "B1", "B-SECRET-flag"));
			this.byType.put("varchar", this.byType.get("text"));
			this.byType.put("bpchar", List.of("DE", "FR"));
			this.byType.put("_text", List.of("{dark-mode,beta}", "{}", "{B-SECRET-flag}"));
			this.byType.put("bool", List.of("true", "false"));
			this.byType.put("int2", List.of("1", "3"));
			this.byType.put("int4", List.of("1", "3", "5"));
			this.byType.put("int8", List.of("1", "3", "100"));
			this.byType.put("numeric", List.of("10", "12.50"));
			this.byType.put("date", List.of("2026-06-01", "2027-01-01"));
			this.byType.put("timestamptz", List.of("2026-06-01T00:00:00Z"));
			this.byType.put("jsonb", List.of("{\"owner\": \"A\"}", "{}"));
			this.byType.put("json", this.byType.get("jsonb"));
			this.byType.put("project_status", List.of("active", "on_hold", "archived"));
		}

		String pick(long typeOid, String name, @Nullable String table, Mode mode, Random random) {
			Catalog.Type type = this.catalog.type(typeOid);
			String typeName = (type != null) ? type.name() : String.valueOf(typeOid);
			if (mode != Mode.ATTACKER) {
				String friendly = friendly(typeName, name, table, mode, random);
				if (friendly != null) {
					return friendly;
				}
			}
			List<String> pool = this.byType.get(typeName);
			if (pool == null) {
				throw new IllegalStateException("no arguments for type " + typeName
						+ ": add a pool to TenantProofCorpusTests.Pools");
			}
			return pool.get(random.nextInt(pool.size()));
		}

		private @Nullable String friendly(String type, String name, @Nullable String table, Mode mode, Random random) {
			String lower = name.toLowerCase(java.util.Locale.ROOT);
			if (type.equals("uuid")) {
				String owner = lower.contains("project") ? "projects"
						: (lower.contains("task") || lower.contains("blocked") || lower.contains("blocker")) ? "tasks"
								: lower.contains("milestone") ? "milestones"
										: lower.contains("flag") ? "feature_flags"
												: lower.contains("comment") ? "task_comments" : null;
				if (owner == null || random.nextInt(4) == 0) {
					// a name that says nothing: any of the caller's ids, or a fresh one
					List<String> any = new ArrayList<>();
					this.ownIds.values().forEach(any::addAll);
					any.add(UUID.randomUUID().toString());
					if (mode == Mode.NEW) {
						any.add(UUID.randomUUID().toString());
						any.add(UUID.randomUUID().toString());
					}
					return any.get(random.nextInt(any.size()));
				}
				List<String> own = this.ownIds.get(owner);
				return (own != null) ? own.get(random.nextInt(own.size())) : null;
			}
			if (type.equals("text") && mode == Mode.NEW) {
				return lower.contains("key") ? "key-" + random.nextInt(1000) : lower.contains("code") ? "A" + random.nextInt(1000)
						: "new " + random.nextInt(1000);
			}
			if (type.equals("text") && lower.contains("key")) {
				return "dark-mode";
			}
			if (type.equals("text") && lower.contains("name")) {
				return "A project 1";
			}
			return null;
		}

	}

	static List<QueryFile> parse(String folder, List<Diagnostic> diagnostics) throws IOException {
		List<CodeGenerator.QuerySource> sources = new ArrayList<>();
		try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).sorted().toList()) {
				sources.add(new CodeGenerator.QuerySource(folder + "/" + file.getFileName(),
						"db/queries/" + file.getFileName(), Files.readString(file)));
			}
		}
		return CodeGenerator.parse(sources, diagnostics);
	}

	private static CodeGenerator.Analysis analyze(List<QueryFile> files, List<Diagnostic> diagnostics) {
		return analyze(files, diagnostics, database);
	}

	static CodeGenerator.Analysis analyze(List<QueryFile> files, List<Diagnostic> diagnostics, TestDatabase on) {
		GeneratorConfig config = new GeneratorConfig("com.example.tenantproof");
		return CodeGenerator.analyze(config, files, on.dataSource(), () -> {
			Properties properties = new Properties();
			properties.setProperty("user", on.username());
			properties.setProperty("password", on.password());
			properties.setProperty("preferQueryMode", "simple");
			return DriverManager.getConnection(on.jdbcUrl(), properties);
		}, diagnostics);
	}

	private void compile(CodeGenerator.Analysis analysis) throws IOException {
		var output = dev.dbkit.codegen.emit.JavaEmitter.emit("com.example.tenantproof", analysis.model(), "db/queries");
		Path sources = Files.createDirectories(this.work.resolve("sources"));
		List<String> paths = new ArrayList<>();
		for (var file : output.sources()) {
			Path path = sources.resolve(file.path());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.content());
			paths.add(path.toString());
		}
		assertThat(paths).isNotEmpty();
		List<String> arguments = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
				"-classpath", System.getProperty("java.class.path"), "-d",
				Files.createDirectories(this.work.resolve("classes")).toString()));
		arguments.addAll(paths);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int status = compiler.run(null, errors, errors, arguments.toArray(new String[0]));
		assertThat(status).as("javac -Xlint:all -Werror on the safe corpus's code:%n%s", errors).isZero();
	}

}
