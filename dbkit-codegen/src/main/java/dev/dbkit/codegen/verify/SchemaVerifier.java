package dev.dbkit.codegen.verify;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.dbkit.codegen.CodeGenerator;
import dev.dbkit.codegen.Diagnostic;
import dev.dbkit.codegen.QueryFiles;
import dev.dbkit.codegen.analyze.AnalyzedQuery;
import dev.dbkit.codegen.model.ModelBuilder;
import dev.dbkit.codegen.parse.QueryFile;
import dev.dbkit.migration.Migration;
import dev.dbkit.migration.MigrationCatalog;
import dev.dbkit.migration.MigrationException;
import dev.dbkit.migration.Migrator;
import dev.dbkit.schema.SchemaSnapshot;
import dev.dbkit.tenant.RowLevelSecurity;

/**
 * Checks the seed's checklist on a scratch database: every migration goes up, down and up again (the down must
 * restore the schema exactly), then the catalog of the migrated schema is checked table by table, and the queries
 * are analysed as the generator analyses them.
 */
public final class SchemaVerifier {

	private static final Pattern FILE_LINE = Pattern.compile("^(.+?\\.sql):(\\d+): (.*)$", Pattern.DOTALL);

	private static final String HISTORY_TABLE = "flyway_schema_history";

	private final VerifyConfig config;

	private final List<Finding> findings = new ArrayList<>();

	private final Map<String, Migration> createdBy = new HashMap<>();

	private final Map<String, SchemaFacts.Table> tables = new HashMap<>();

	private String migrationsLocation = "";

	public SchemaVerifier(VerifyConfig config) {
		this.config = config;
	}

	/**
	 * Verifies the migrations in {@code migrationsDir} and the query files in {@code queriesDir} on an empty
	 * database.
	 * @param baseDir the project directory, that paths in findings are relative to
	 */
	public VerifyReport verify(Path baseDir, Path migrationsDir, Path queriesDir, DataSource dataSource,
			CodeGenerator.ConnectionFactory simpleConnections) {
		long started = System.nanoTime();
		this.migrationsLocation = QueryFiles.display(baseDir, migrationsDir);
		Migrator migrator = Migrator.create(dataSource, "filesystem:" + migrationsDir.toAbsolutePath());
		List<Migration> migrations = migrator.catalog().migrations();
		boolean migrated = upDownUp(migrator, migrations, dataSource, baseDir);
		int queries = 0;
		if (migrated) {
			try (Connection connection = dataSource.getConnection()) {
				this.tables.putAll(SchemaFacts.load(connection, HISTORY_TABLE));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not read the catalog: " + ex.getMessage(), ex);
			}
			for (SchemaFacts.Table table : this.tables.values()) {
				checkTable(table, baseDir);
			}
			queries = checkQueries(baseDir, queriesDir, dataSource, simpleConnections);
		}
		List<Finding> kept = this.findings.stream()
			.filter((f) -> !suppressed(f))
			.map((f) -> new Finding(f.path(), f.line(), f.rule(), this.config.severity(f.rule()), f.table(),
					f.message()))
			.filter((f) -> f.severity() != Severity.OFF)
			.sorted(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
				.thenComparing((f) -> f.rule().id()).thenComparing(Finding::message))
			.toList();
		return new VerifyReport(kept, this.tables.size(), migrations.size(), queries,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Up, down and up again, one version at a time; the down must restore the schema from before the up. A down
	 * that fails is reported and the remaining ups are applied, so that the catalog is checked whatever the downs
	 * do: whether every up was applied.
	 */
	private boolean upDownUp(Migrator migrator, List<Migration> migrations, DataSource dataSource, Path baseDir) {
		SchemaSnapshot before = snapshot(dataSource);
		for (Migration migration : migrations) {
			String up = QueryFiles.display(baseDir, Path.of(migration.up().path()));
			String down = QueryFiles.display(baseDir, Path.of(migration.down().path()));
			if (!step(() -> migrator.upTo(migration), up, "up")) {
				return false;
			}
			SchemaSnapshot after = snapshot(dataSource);
			recordCreated(before, after, migration);
			if (!step(() -> migrator.rollback(1), down, "down")) {
				return upsOnly(migrator, migrations, dataSource, baseDir);
			}
			String difference = difference(snapshot(dataSource), before);
			if (difference != null) {
				add(down, 1, Rule.REVERSIBLE, "", migration.down().fileName() + " does not restore the schema from "
						+ "before " + migration.up().fileName() + ": " + difference
						+ ". Make the down undo exactly what the up does.");
			}
			if (!step(() -> migrator.upTo(migration), up, "up again after its down")) {
				return upsOnly(migrator, migrations, dataSource, baseDir);
			}
			String again = difference(snapshot(dataSource), after);
			if (again != null) {
				add(up, 1, Rule.REVERSIBLE, "", migration.up().fileName() + " gives another schema when applied again "
						+ "after its down: " + again + ". Make the down undo exactly what the up does.");
			}
			before = snapshot(dataSource);
		}
		return true;
	}

	/**
	 * After a down went wrong: the scratch database emptied, and every up applied once, so that the catalog checks
	 * see the schema as the ups leave it. An up that fails here was reported already.
	 */
	private boolean upsOnly(Migrator migrator, List<Migration> migrations, DataSource dataSource, Path baseDir) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> schemas = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
					+ "AND nspname <> 'information_schema'")) {
				while (rs.next()) {
					schemas.add(rs.getString(1));
				}
			}
			for (String schema : schemas) {
				statement.execute("DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
			}
			statement.execute("CREATE SCHEMA public");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not empty the scratch database: " + ex.getMessage(), ex);
		}
		SchemaSnapshot before = snapshot(dataSource);
		for (Migration migration : migrations) {
			try {
				migrator.upTo(migration);
			}
			catch (MigrationException ex) {
				return false;
			}
			SchemaSnapshot after = snapshot(dataSource);
			recordCreated(before, after, migration);
			before = after;
		}
		return true;
	}

	/** The tables a migration created, so that findings about them point at it. */
	private void recordCreated(SchemaSnapshot before, SchemaSnapshot after, Migration migration) {
		for (String line : after.lines()) {
			if (line.startsWith("table ") && !before.lines().contains(line)) {
				this.createdBy.putIfAbsent(tableName(line), migration);
			}
		}
	}

	private boolean step(Runnable work, String file, String what) {
		try {
			work.run();
			return true;
		}
		catch (MigrationException ex) {
			Matcher matcher = FILE_LINE.matcher(ex.getMessage());
			int line = matcher.matches() ? Integer.parseInt(matcher.group(2)) : 1;
			String message = matcher.matches() ? matcher.group(3) : ex.getMessage();
			add(file, line, Rule.MIGRATE, "", "migrate " + what + " failed: " + message);
			return false;
		}
	}

	private void checkTable(SchemaFacts.Table table, Path baseDir) {
		String name = table.name();
		boolean global = isGlobal(table);
		String tenant = this.config.tenantColumn();
		SchemaFacts.Column tenantColumn = table.column(tenant).orElse(null);
		if (!global) {
			if (tenantColumn == null) {
				addTable(table, baseDir, Rule.TENANT_COLUMN, "table " + name + " has no " + tenant + " column: add `"
						+ tenant + " UUID NOT NULL REFERENCES tenants(id)`, or declare the table platform-global "
						+ "(<globalTables> or COMMENT ON TABLE " + name + " IS 'dbkit:global')");
			}
			else if (!tenantColumn.type().equals("uuid")) {
				addTable(table, baseDir, Rule.TENANT_COLUMN, name + "." + tenant + " is " + tenantColumn.type()
						+ ", not uuid: make it UUID NOT NULL");
			}
			else if (!tenantColumn.notNull()) {
				addTable(table, baseDir, Rule.TENANT_COLUMN, name + "." + tenant + " is nullable: make it NOT NULL");
			}
		}
		for (String column : new String[] { "created_at", "updated_at" }) {
			SchemaFacts.Column timestamp = table.column(column).orElse(null);
			if (timestamp == null) {
				addTable(table, baseDir, Rule.TIMESTAMPS, "table " + name + " has no " + column + ": add `" + column
						+ " TIMESTAMPTZ NOT NULL DEFAULT now()`");
			}
			else if (!timestamp.notNull() || !timestamp.hasDefault()) {
				addTable(table, baseDir, Rule.TIMESTAMPS, name + "." + column + " needs NOT NULL and a default: "
						+ "make it `" + column + " TIMESTAMPTZ NOT NULL DEFAULT now()`");
			}
		}
		boolean tenantScoped = !global && tenantColumn != null;
		if (tenantScoped && !this.config.notUserFacingTables().contains(name)
				&& !table.commentSays("dbkit:not-user-facing")) {
			SchemaFacts.Column deleted = table.column("deleted_at").orElse(null);
			if (deleted == null) {
				addTable(table, baseDir, Rule.SOFT_DELETE, "table " + name + " has no deleted_at for soft deletes: add "
						+ "`deleted_at TIMESTAMPTZ`, or declare it not user-facing (<notUserFacingTables> or COMMENT ON "
						+ "TABLE " + name + " IS 'dbkit:not-user-facing')");
			}
			else if (!deleted.type().equals("timestamp with time zone")) {
				addTable(table, baseDir, Rule.SOFT_DELETE, name + ".deleted_at is " + deleted.type()
						+ ", not timestamptz: make it `deleted_at TIMESTAMPTZ`");
			}
		}
		if (tenantScoped && (!table.rowSecurity() || !table.tenantPolicy())) {
			addTable(table, baseDir, Rule.ROW_LEVEL_SECURITY, "table " + name + " is not guarded by row-level security "
					+ "on " + RowLevelSecurity.TENANT_SETTING + (table.rowSecurity()
							? " (no policy for every command on it)" : " (not enabled and forced)") + ": add `"
					+ RowLevelSecurity.statements(name, tenant).replaceAll("\\s*\n\\s*", " ").strip()
					+ "` (and generate with rowLevelSecurity)");
		}
		if (tenantScoped && !table.hasIndexStartingWith(List.of(tenant))) {
			addTable(table, baseDir, Rule.TENANT_INDEX, "table " + name + " has no index that starts with " + tenant
					+ ": add `CREATE INDEX idx_" + name + "_tenant ON " + name + "(" + tenant + ");`");
		}
		for (SchemaFacts.ForeignKey key : table.foreignKeys()) {
			SchemaFacts.Table referenced = this.tables.get(key.referencedTable());
			boolean referencesTenantData = referenced != null && !isGlobal(referenced)
					&& referenced.column(tenant).isPresent();
			int tenantAt = key.columns().indexOf(tenant);
			boolean pairsTenants = tenantAt >= 0 && tenant.equals(key.referencedColumns().get(tenantAt));
			if (tenantScoped && referencesTenantData && !pairsTenants) {
				List<String> columns = new ArrayList<>(List.of(tenant));
				columns.addAll(key.columns());
				List<String> targets = new ArrayList<>(List.of(tenant));
				targets.addAll(key.referencedColumns());
				addTable(table, baseDir, Rule.TENANT_FOREIGN_KEY, "foreign key " + key.name() + " (" + name + "."
						+ String.join(", ", key.columns()) + " → " + key.referencedTable() + ") does not include "
						+ tenant + ": a row could point at another tenant's row, and a cascade could cross tenants. "
						+ "Write `FOREIGN KEY (" + String.join(", ", columns) + ") REFERENCES " + key.referencedTable()
						+ " (" + String.join(", ", targets) + ")` (" + key.referencedTable() + " needs `UNIQUE ("
						+ String.join(", ", targets) + ")`)");
			}
			if (!table.hasIndexStartingWith(key.columns())) {
				String columns = String.join(", ", key.columns());
				addTable(table, baseDir, Rule.FOREIGN_KEY_INDEX, "foreign key " + key.name() + " (" + name + "."
						+ columns + " → " + key.referencedTable() + ") has no index that starts with its columns: add `"
						+ "CREATE INDEX ON " + name + "(" + columns + ");`");
			}
		}
		if (table.column("updated_at").isPresent() && table.triggers().stream()
			.noneMatch((t) -> t.beforeUpdate() && t.forEachRow() && t.function().equals(this.config.triggerFunction()))) {
			addTable(table, baseDir, Rule.UPDATED_AT_TRIGGER, "table " + name + " has updated_at but no "
					+ this.config.triggerFunction() + "() trigger: add `CREATE TRIGGER set_updated_at BEFORE UPDATE ON "
					+ name + " FOR EACH ROW EXECUTE FUNCTION " + this.config.triggerFunction() + "();`");
		}
	}

	private int checkQueries(Path baseDir, Path queriesDir, DataSource dataSource,
			CodeGenerator.ConnectionFactory simpleConnections) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<QueryFile> files = CodeGenerator.parse(QueryFiles.read(baseDir, queriesDir), diagnostics);
		CodeGenerator.Analysis analysis = CodeGenerator.analyze(this.config.analysis(), files, dataSource, simpleConnections,
				diagnostics);
		for (Diagnostic diagnostic : diagnostics) {
			add(diagnostic.path(), diagnostic.line(),
					Diagnostic.TENANCY.equals(diagnostic.code()) ? Rule.TENANT_FILTER : Rule.GENERATE, "",
					diagnostic.message());
		}
		int count = 0;
		for (ModelBuilder.FileAnalysis file : analysis.files()) {
			count += file.file().queries().size();
			for (AnalyzedQuery query : file.queries()) {
				for (String table : query.softDeleteUnfiltered()) {
					add(query.query().source().path(), query.query().line(), Rule.SOFT_DELETE_FILTER, table, "query "
							+ query.query().name() + " reads soft-delete table " + table + " without a deleted_at "
							+ "condition: add `AND deleted_at IS NULL`, or a condition on deleted_at");
				}
			}
		}
		return count;
	}

	private boolean isGlobal(SchemaFacts.Table table) {
		if (this.config.globalTables().contains(table.name()) || table.commentSays("dbkit:global")) {
			return true;
		}
		// the tables that tenant columns reference (tenants) are the platform's own
		for (SchemaFacts.Table other : this.tables.values()) {
			for (SchemaFacts.ForeignKey key : other.foreignKeys()) {
				if (key.columns().equals(List.of(this.config.tenantColumn()))
						&& key.referencedTable().equals(table.name())) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean suppressed(Finding finding) {
		if (finding.table().isEmpty()) {
			return false;
		}
		if (this.config.suppressions().getOrDefault(finding.table(), Set.of()).contains(finding.rule())) {
			return true;
		}
		SchemaFacts.Table table = this.tables.get(finding.table());
		if (table == null || table.comment() == null) {
			return false;
		}
		Matcher ignore = Pattern.compile("dbkit:ignore=([a-z,\\- ]+)").matcher(table.comment());
		Set<String> rules = new HashSet<>();
		while (ignore.find()) {
			for (String rule : ignore.group(1).split(",")) {
				rules.add(rule.strip());
			}
		}
		return rules.contains(finding.rule().id());
	}

	/** A finding about a table, at the migration that created it. */
	private void addTable(SchemaFacts.Table table, Path baseDir, Rule rule, String message) {
		Migration migration = this.createdBy.get(table.name());
		if (migration == null) {
			add(this.migrationsLocation, 1, rule, table.name(), message);
			return;
		}
		String path = QueryFiles.display(baseDir, Path.of(migration.up().path()));
		add(path, createLine(migration.up().sql(), table.name()), rule, table.name(), message);
	}

	private void add(String path, int line, Rule rule, String table, String message) {
		this.findings.add(new Finding(path, line, rule, rule.defaultSeverity(), table, message));
	}

	private static int createLine(String sql, String table) {
		Matcher matcher = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+\\.)?\"?" + Pattern.quote(table)
				+ "\"?\\b").matcher(sql);
		if (!matcher.find()) {
			return 1;
		}
		int line = 1;
		for (int i = 0; i < matcher.start(); i++) {
			if (sql.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String tableName(String snapshotLine) {
		String qualified = snapshotLine.substring("table ".length()).split(" ")[0];
		return qualified.substring(qualified.indexOf('.') + 1);
	}

	/** The first difference between two schemas, in words, or {@code null} when they are equal. */
	private static String difference(SchemaSnapshot actual, SchemaSnapshot expected) {
		TreeSet<String> extra = new TreeSet<>(actual.lines());
		extra.removeAll(expected.lines());
		TreeSet<String> missing = new TreeSet<>(expected.lines());
		missing.removeAll(actual.lines());
		if (extra.isEmpty() && missing.isEmpty()) {
			return null;
		}
		if (missing.isEmpty() || (!extra.isEmpty() && extra.first().compareTo(missing.first()) < 0)) {
			return "left behind: " + extra.first();
		}
		return "missing: " + missing.first();
	}

	private static SchemaSnapshot snapshot(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return SchemaSnapshot.take(connection, List.of(HISTORY_TABLE));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the schema: " + ex.getMessage(), ex);
		}
	}


}
