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
		dataSource = asGivenUser(dataSource);
		this.migrationsLocation = QueryFiles.display(baseDir, migrationsDir);
		Migrator migrator = Migrator.create(dataSource, "filesystem:" + migrationsDir.toAbsolutePath());
		List<Migration> migrations = migrator.catalog().migrations();
		boolean migrated = upDownUp(migrator, migrations, dataSource, baseDir);
		// also when a migration failed: a default such as a role makes the later migrations fail in the first place
		checkDatabaseSettings(snapshot(dataSource), baseDir);
		int queries = 0;
		if (migrated) {
			SchemaFacts.Facts facts;
			List<SchemaFacts.BypassingRule> rules;
			List<String[]> children;
			try (Connection connection = dataSource.getConnection()) {
				facts = SchemaFacts.load(connection, HISTORY_TABLE,
						SchemaFacts.expectedPolicy(connection, this.config.tenantColumn(), expectedTenantType()));
				rules = SchemaFacts.bypassingRules(connection);
				children = SchemaFacts.children(connection);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not read the catalog: " + ex.getMessage(), ex);
			}
			this.tables.putAll(facts.tables());
			for (SchemaFacts.Table table : this.tables.values()) {
				checkTable(table, baseDir);
			}
			checkViews(facts.views(), baseDir);
			checkDefiners(facts.definers(), baseDir);
			checkRules(rules, baseDir);
			checkGlobalParents(children, baseDir);
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

	/**
	 * The tables, views, functions and database settings a migration created, so that findings about them point at
	 * it.
	 */
	private void recordCreated(SchemaSnapshot before, SchemaSnapshot after, Migration migration) {
		for (String line : after.lines()) {
			if (before.lines().contains(line)) {
				continue;
			}
			if (line.startsWith(DATABASE_SETTING)) {
				this.createdBy.putIfAbsent("setting " + settingName(line), migration);
				continue;
			}
			Matcher created = CREATED.matcher(line);
			if (created.lookingAt()) {
				String kind = created.group(1).startsWith("function") ? "function" : created.group(1);
				this.createdBy.putIfAbsent(kind + " " + created.group(2), migration);
			}
		}
	}

	/** How a snapshot line of a database default ({@code name=value}) starts. */
	private static final String DATABASE_SETTING = "database setting ";

	private static String settingName(String snapshotLine) {
		String setting = snapshotLine.substring(DATABASE_SETTING.length());
		return setting.substring(0, Math.max(0, setting.indexOf('='))).toLowerCase(java.util.Locale.ROOT);
	}

	/** A snapshot line of a table, view or function: its kind and its name without the schema. */
	private static final Pattern CREATED = Pattern.compile(
			"(table|view|materialized view|function CREATE OR REPLACE (?:FUNCTION|PROCEDURE)) [^ .(]+\\.\"?([^ .(\"]+)");

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

	/** The tenant column's type, as {@code format_type} names it, for the plugin's tenantIdType. */
	private String expectedTenantType() {
		return switch (this.config.analysis().tenantIdType()) {
			case "long" -> "bigint";
			case "string" -> "text";
			default -> "uuid";
		};
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
			else if (!tenantColumn.type().equals(expectedTenantType())) {
				addTable(table, baseDir, Rule.TENANT_COLUMN, name + "." + tenant + " is " + tenantColumn.type()
						+ ", not " + expectedTenantType() + " (the plugin's tenantIdType is "
						+ this.config.analysis().tenantIdType() + "): make it " + expectedTenantType() + " NOT NULL");
			}
			else if (!tenantColumn.notNull()) {
				addTable(table, baseDir, Rule.TENANT_COLUMN, name + "." + tenant + " is nullable: make it NOT NULL");
			}
			else if (tenantColumn.inexactCollation() != null) {
				// 'a1' = 'b2' may hold under it: neither the tenant proof nor a row-level security policy pins one tenant
				addTable(table, baseDir, Rule.TENANT_COLUMN, name + "." + tenant + " has collation "
						+ tenantColumn.inexactCollation() + ", which calls different values equal, so that one tenant's "
						+ "id can match another's, also in row-level security policies: drop the COLLATE clause (a "
						+ "deterministic collation, such as the default or \"C\")");
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
							? " (no permissive policy for every command whose USING and WITH CHECK are exactly dbkit's "
									+ "condition: another comparison may round, ignore case or blanks, or let rows of "
									+ "every tenant through)"
							: " (not enabled and forced)") + ": add `"
					+ RowLevelSecurity.statements(name, tenant, expectedTenantType()).replaceAll("\\s*\n\\s*", " ").strip()
					+ "` (and generate with rowLevelSecurity)");
		}
		if (tenantScoped && table.rowSecurity() && table.tenantPolicy() && table.permissivePolicies().size() > 1) {
			addTable(table, baseDir, Rule.ROW_LEVEL_SECURITY, "table " + name + " has more than one permissive policy ("
					+ String.join(", ", table.permissivePolicies()) + "), and PostgreSQL lets a row through when any of "
					+ "them does: every policy but the one on " + RowLevelSecurity.TENANT_SETTING + " reopens what it "
					+ "closes. Drop the others, or make them AS RESTRICTIVE, which can only narrow what a tenant sees");
		}
		if (tenantScoped && !table.hasIndexStartingWith(List.of(tenant))) {
			addTable(table, baseDir, Rule.TENANT_INDEX, "table " + name + " has no index that starts with " + tenant
					+ ": add `CREATE INDEX idx_" + name + "_tenant ON " + name + "(" + tenant + ");`");
		}
		if (tenantScoped) {
			for (SchemaFacts.Key key : table.keys()) {
				if (!key.columns().contains(tenant)) {
					List<String> columns = new ArrayList<>(List.of(tenant));
					columns.addAll(key.columns());
					addTable(table, baseDir, Rule.TENANT_KEYS, (key.primary() ? "primary key " : "unique key ")
							+ key.name() + " (" + name + "." + String.join(", ", key.columns()) + ") does not include "
							+ tenant + ": Citus can distribute " + name + " by " + tenant + " only when every primary key "
							+ "and unique constraint includes it. Write `" + (key.primary() ? "PRIMARY KEY" : "UNIQUE")
							+ " (" + String.join(", ", columns) + ")`");
				}
			}
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

	/**
	 * Views and materialized views over tenant-scoped tables (directly or through other views): a materialized view
	 * holds a copy that no policy guards; a view runs as its owner unless {@code security_invoker}.
	 */
	private void checkViews(List<SchemaFacts.View> views, Path baseDir) {
		Map<String, SchemaFacts.View> byName = new HashMap<>();
		views.forEach((view) -> byName.put(view.name(), view));
		for (SchemaFacts.View view : views) {
			List<String> tenantTables = tenantTablesRead(view, byName, new HashSet<>());
			if (tenantTables.isEmpty()) {
				continue;
			}
			String kind = view.materialized() ? "materialized view" : "view";
			String over = kind + " " + view.name() + " reads tenant-scoped " + String.join(", ", tenantTables);
			if (view.materialized() && !view.columns().contains(this.config.tenantColumn())
					&& !view.commentSays("dbkit:global")) {
				addObject(view.name(), kind, baseDir, Rule.MATERIALIZED_VIEW, over + " but has no "
						+ this.config.tenantColumn() + " column, and row-level security does not apply to materialized "
						+ "views: the application role would read every tenant's rows from it. Add "
						+ this.config.tenantColumn() + " to its select list (and COMMENT ON MATERIALIZED VIEW "
						+ view.name() + " IS 'dbkit:per-tenant'), or, if it is for platform queries only, declare it "
						+ "(COMMENT ON MATERIALIZED VIEW " + view.name() + " IS 'dbkit:global') and REVOKE SELECT on it "
						+ "from the application role");
			}
			if (!view.materialized() && !view.securityInvoker() && view.ownerBypassesRls()) {
				addObject(view.name(), kind, baseDir, Rule.RLS_BYPASS, over + " with the rights of its owner "
						+ view.owner() + ", which bypasses row-level security: every caller reads every tenant's rows "
						+ "through it. Create it WITH (security_invoker = true), or have it owned by a role that is "
						+ "neither superuser nor BYPASSRLS");
			}
		}
	}

	private List<String> tenantTablesRead(SchemaFacts.View view, Map<String, SchemaFacts.View> views,
			Set<String> seen) {
		List<String> found = new ArrayList<>();
		for (String read : view.reads()) {
			SchemaFacts.Table table = this.tables.get(read);
			if (table != null && !isGlobal(table) && table.column(this.config.tenantColumn()).isPresent()) {
				found.add(read);
			}
			SchemaFacts.View inner = views.get(read);
			if (inner != null && seen.add(read)) {
				found.addAll(tenantTablesRead(inner, views, seen));
			}
		}
		return found.stream().distinct().sorted().toList();
	}

	/** A {@code SECURITY DEFINER} function runs as its owner: an owner that bypasses the policies takes them away. */
	private void checkDefiners(List<SchemaFacts.DefinerFunction> functions, Path baseDir) {
		for (SchemaFacts.DefinerFunction function : functions) {
			if (function.ownerBypassesRls()) {
				addObject(function.name(), "function", baseDir, Rule.RLS_BYPASS, "function " + function.signature()
						+ " is SECURITY DEFINER and owned by " + function.owner() + ", which bypasses row-level "
						+ "security: any caller reads and writes every tenant's rows through it. Make it SECURITY "
						+ "INVOKER, or give it to a role that is neither superuser nor BYPASSRLS (ALTER FUNCTION "
						+ function.signature() + " OWNER TO ...)");
			}
		}
	}

	/** A rule runs with its table owner's rights: an owner that bypasses the policies takes them away. */
	private void checkRules(List<SchemaFacts.BypassingRule> rules, Path baseDir) {
		for (SchemaFacts.BypassingRule rule : rules) {
			addObject(rule.table(), "table", baseDir, Rule.RLS_BYPASS, "rule " + rule.rule() + " on " + rule.table()
					+ " runs its statements with the rights of the table's owner " + rule.owner() + ", which bypasses "
					+ "row-level security: whoever writes to " + rule.table() + " reads or writes every tenant's rows "
					+ "through it. Drop the rule (a trigger runs as the caller), or give the table to a role that is "
					+ "neither superuser nor BYPASSRLS");
		}
	}

	/**
	 * Rows read through a parent table get the parent's policies, not the child's: a platform-global parent of a
	 * tenant-scoped child hands out every tenant's rows.
	 */
	private void checkGlobalParents(List<String[]> children, Path baseDir) {
		for (String[] pair : children) {
			SchemaFacts.Table parent = this.tables.get(pair[0]);
			SchemaFacts.Table child = this.tables.get(pair[1]);
			if (parent != null && child != null && isGlobal(parent)
					&& child.column(this.config.tenantColumn()).isPresent() && !isGlobal(child)) {
				addTable(parent, baseDir, Rule.TENANT_COLUMN, "table " + parent.name() + " is platform-global but its "
						+ "child " + child.name() + " is tenant-scoped, and a read or write through the parent applies "
						+ "only the parent's row-level security: every tenant's rows of " + child.name() + " are reachable "
						+ "through " + parent.name() + ". Give the parent " + this.config.tenantColumn() + " and the "
						+ "policy, or do not make " + child.name() + " its child");
			}
		}
	}

	/**
	 * Connections as the user the verifier was given, whatever role a migration made the database's default (which
	 * {@link #checkDatabaseSettings} reports): the checks must not run with the rights a migration chose for them.
	 */
	private static DataSource asGivenUser(DataSource dataSource) {
		return new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET ROLE NONE");
				}
				return connection;
			}

		};
	}

	/**
	 * Defaults a migration gave the database apply to every later session, the application's too: a role, the
	 * tenant setting, or a search path would hold for every request, under every tenant.
	 */
	private void checkDatabaseSettings(SchemaSnapshot schema, Path baseDir) {
		for (String line : schema.lines()) {
			if (!line.startsWith(DATABASE_SETTING)) {
				continue;
			}
			String name = settingName(line);
			if (name.equals("role") || name.equals("session_authorization") || name.equals("search_path")
					|| name.equals("row_security") || name.startsWith("dbkit.")) {
				addObject(name, "setting", baseDir, Rule.RLS_BYPASS, "a migration gives the database the default "
						+ line.substring(DATABASE_SETTING.length()) + " (ALTER DATABASE ... SET), which every later "
						+ "session starts with, the application's too: a role or tenant there holds for every request "
						+ "of every tenant, a search path can put other tables in front of the real ones. Remove it "
						+ "(ALTER DATABASE ... RESET " + name + ")");
			}
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
		addObject(table.name(), "table", baseDir, rule, message);
	}

	/** A finding about a table, view, function or database setting, at the migration that created it. */
	private void addObject(String name, String kind, Path baseDir, Rule rule, String message) {
		Migration migration = this.createdBy.get(kind + " " + name);
		if (migration == null) {
			add(this.migrationsLocation, 1, rule, name, message);
			return;
		}
		String path = QueryFiles.display(baseDir, Path.of(migration.up().path()));
		add(path, createLine(migration.up().sql(), kind, name), rule, name, message);
	}

	private void add(String path, int line, Rule rule, String table, String message) {
		this.findings.add(new Finding(path, line, rule, rule.defaultSeverity(), table, message));
	}

	private static int createLine(String sql, String kind, String name) {
		String quoted = "\"?" + Pattern.quote(name) + "\"?\\b";
		Matcher matcher = kind.equals("setting") ? Pattern.compile("(?i)\\bSET\\s+" + quoted).matcher(sql)
				: Pattern.compile("(?i)CREATE\\s+(OR\\s+REPLACE\\s+)?" + kind.replace(" ", "\\s+")
						+ "\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+\\.)?" + quoted).matcher(sql);
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
