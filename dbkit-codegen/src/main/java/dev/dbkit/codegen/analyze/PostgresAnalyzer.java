package dev.dbkit.codegen.analyze;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import dev.dbkit.codegen.Diagnostic;
import dev.dbkit.codegen.parse.ParameterRef;
import dev.dbkit.codegen.lint.SoftDeleteFilterRule;
import dev.dbkit.codegen.parse.Query;
import dev.dbkit.codegen.parse.QueryCommand;
import dev.dbkit.codegen.tenancy.TenancyFacts;
import dev.dbkit.codegen.tenancy.TenantProof;
import dev.dbkit.sql.SqlLexer;
import dev.dbkit.sql.SqlScriptSplitter;

/**
 * Analyzes queries against a PostgreSQL that has the migrations applied. Types come from the server (a prepared
 * statement's parameter and result types), nullability from {@code pg_attribute.attnotnull} corrected with the
 * verbose generic plan (outer joins, expressions), and the tenant proof ({@link TenantProof}) from the generic plan
 * tree itself, which the server sends as {@code debug_print_plan} output in its own node serialization (exact,
 * unlike EXPLAIN's rendering).
 */
public final class PostgresAnalyzer {

	/** Bounds a statement of the analysis (a planner folding a slow function). */
	static final String STATEMENT_TIMEOUT = "30s";

	/** Bounds a wait for a lock (a migration's session holding one). */
	static final String LOCK_TIMEOUT = "5s";

	private static final Pattern UNDETERMINED_PARAMETER = Pattern.compile("parameter \\$(\\d+)");

	private static final Pattern INIT_PLAN_VALUE = Pattern.compile("\\((InitPlan \\d+)\\)\\.col\\d+");

	private final Connection connection;

	private final Connection simpleConnection;

	private final Catalog catalog;

	private final TenancyFacts tenancy;

	private final String tenantColumn;

	private final ObjectMapper json = new ObjectMapper();

	private int statements;

	/**
	 * @param connection a connection for describing statements (extended protocol)
	 * @param simpleConnection a connection to the same database with {@code preferQueryMode=simple}, so that
	 * {@code $n} in PREPARE and EXPLAIN text reaches the server as written
	 * @param catalog the database's catalog
	 * @param tenancy what the tenant proof needs of the catalog
	 * @param tenantColumn the column that makes a table tenant-scoped
	 */
	public PostgresAnalyzer(Connection connection, Connection simpleConnection, Catalog catalog, TenancyFacts tenancy,
			String tenantColumn) throws SQLException {
		this.connection = connection;
		this.simpleConnection = simpleConnection;
		this.catalog = catalog;
		this.tenancy = tenancy;
		this.tenantColumn = tenantColumn;
		int version = serverVersion(simpleConnection);
		if (version < 160000 || version >= 190000) {
			throw new IllegalStateException("dbkit analyses queries on PostgreSQL 16, 17 or 18 (the generic plans and "
					+ "plan trees its tenant proof reads differ in other versions); the analysis server is "
					+ simpleConnection.getMetaData().getDatabaseProductVersion() + ": use the embedded server (no "
					+ "analysisUrl) or a server of a supported version");
		}
		try (Statement statement = simpleConnection.createStatement()) {
			// the planner's own tree of every planned statement comes back as a LOG notice, unformatted
			statement.execute("SET client_min_messages = log");
			statement.execute("SET debug_print_plan = on");
			statement.execute("SET debug_pretty_print = off");
		}
		try (Statement statement = connection.createStatement()) {
			// and the rewritten query tree of every statement parsed through the extended protocol (describe)
			statement.execute("SET client_min_messages = log");
			statement.execute("SET debug_print_rewritten = on");
			statement.execute("SET debug_pretty_print = off");
		}
		for (Connection each : List.of(connection, simpleConnection)) {
			try (Statement statement = each.createStatement()) {
				// keep the trees out of the server's log where allowed (a superuser setting)
				statement.execute("SET log_min_messages = fatal");
			}
			catch (SQLException ex) {
				// not a superuser: the server logs them, which does no harm
			}
			sandbox(each);
		}
	}

	/**
	 * Analysis never changes anything: every statement runs in a read-only transaction that is rolled back after
	 * each query, under statement and lock timeouts, with strings read as dbkit's lexer reads them. Nothing of a
	 * query is executed (it is prepared, described and explained), but planning runs functions that fold to
	 * constants, and a function a migration declared IMMUTABLE can do anything; read-only, it cannot write.
	 */
	private static void sandbox(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET standard_conforming_strings = on");
			statement.execute("SET default_transaction_read_only = on");
			statement.execute("SET statement_timeout = '" + STATEMENT_TIMEOUT + "'");
			statement.execute("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
		}
		connection.setAutoCommit(false);
	}

	private void rollback() {
		for (Connection each : List.of(this.connection, this.simpleConnection)) {
			try {
				each.rollback();
			}
			catch (SQLException ex) {
				// the connection is gone: the next statement says so
			}
		}
	}

	private static int serverVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
			rs.next();
			return Integer.parseInt(rs.getString(1).trim());
		}
	}

	public Catalog catalog() {
		return this.catalog;
	}

	/**
	 * The analysis of one query, or {@code null} with the problems added to {@code diagnostics}.
	 */
	public @Nullable AnalyzedQuery analyze(Query query, List<Diagnostic> diagnostics) {
		try {
			AnalyzedQuery analyzed = analyzeAlone(query, diagnostics);
			return (analyzed != null && query.command() == QueryCommand.COPYFROM) ? copyFrom(analyzed, diagnostics)
					: analyzed;
		}
		finally {
			rollback();
		}
	}

	/**
	 * A {@code :copyfrom} query runs as another statement ({@link CopyFromRewrite}): that statement is analysed
	 * and proved too, as written, and must bind the tenant as the query does. The analysis keeps the query's own
	 * parameters (one per column), with the rewritten text to send.
	 */
	private @Nullable AnalyzedQuery copyFrom(AnalyzedQuery analyzed, List<Diagnostic> diagnostics) {
		Query query = analyzed.query();
		Map<Integer, String> arrayTypes = new HashMap<>();
		for (AnalyzedQuery.Parameter parameter : analyzed.parameters()) {
			Catalog.Type type = this.catalog.type(parameter.typeOid());
			if (type != null && !type.isArray()) {
				// quoted and qualified: bit and char without a length would be bit(1) and char(1)
				arrayTypes.put(parameter.index(), "\"" + type.schema().replace("\"", "\"\"") + "\".\""
						+ type.name().replace("\"", "\"\"") + "\"[]");
			}
		}
		CopyFromRewrite.Rewrite rewrite;
		try {
			rewrite = CopyFromRewrite.rewrite(query.postgresSql(), analyzed.tenantParameters(), arrayTypes);
		}
		catch (CopyFromRewrite.NotCopyable ex) {
			diagnostics.add(query.source().diagnostic(query.sqlOffset(), "query " + query.name() + ": "
					+ ex.getMessage()));
			return null;
		}
		Query sent = query.rewritten(QueryCommand.EXEC, rewrite.postgresSql(), rewrite.jdbcSql(), rewrite.slots());
		List<Diagnostic> problems = new ArrayList<>();
		AnalyzedQuery sentAnalysis = analyzeAlone(sent, problems);
		for (Diagnostic problem : problems) {
			diagnostics.add(new Diagnostic(problem.path(), problem.line(), problem.column(), "query " + query.name()
					+ " is :copyfrom, which runs as `" + rewrite.postgresSql() + "`: " + problem.message(),
					problem.code()));
		}
		if (sentAnalysis == null) {
			return null;
		}
		if (!sentAnalysis.tenantParameters().equals(analyzed.tenantParameters())) {
			// fail closed: the statement sent must bind the tenant exactly as the proved query does
			diagnostics.add(query.source().diagnostic(query.headerOffset(), "query " + query.name() + " is :copyfrom, "
					+ "which runs as `" + rewrite.postgresSql() + "`, and the tenant proof does not bind the tenant "
					+ "there as in the query: write the tenant's parameter straight into " + this.tenantColumn)
				.withCode(Diagnostic.TENANCY));
			return null;
		}
		Query copy = query.sending(rewrite.jdbcSql(), rewrite.slots());
		return new AnalyzedQuery(copy, analyzed.parameters(), List.of(), analyzed.tenantParameters(),
				analyzed.modifiedTable(), analyzed.softDeleteUnfiltered());
	}

	private @Nullable AnalyzedQuery analyzeAlone(Query query, List<Diagnostic> diagnostics) {
		if (SqlScriptSplitter.split(query.postgresSql()).size() != 1) {
			// the parser refuses these; nothing that is not one statement is ever sent
			diagnostics.add(query.source().diagnostic(query.headerOffset(), "query " + query.name()
					+ " is not exactly one statement"));
			return null;
		}
		String unpreparable = unpreparable(query.postgresSql());
		if (unpreparable != null && UtilityStatements.ANALYSED.contains(unpreparable)) {
			try {
				return new UtilityStatements(this.connection).analyze(query, unpreparable, diagnostics);
			}
			catch (SQLException ex) {
				diagnostics.add(error(query, ex, 0));
				return null;
			}
		}
		if (unpreparable != null) {
			diagnostics.add(query.source().diagnostic(query.sqlOffset(), "query " + query.name() + " is a "
					+ unpreparable + " statement, which PostgreSQL cannot PREPARE, so dbkit cannot check it against the "
					+ "schema or prove its tenancy: write the query as SELECT, INSERT, UPDATE, DELETE, MERGE or VALUES "
					+ "(WITH ...), CALL, DO, TRUNCATE, NOTIFY or REFRESH MATERIALIZED VIEW, or run it from code "
					+ "outside dbkit's queries"));
			return null;
		}
		String name = "dbkit_q" + (++this.statements);
		// First the extended protocol, which runs nothing and in which the server itself refuses a text that it
		// reads as more than one statement; only then the simple protocol, which would run every statement of it.
		Described described;
		try {
			described = describe(query, name);
		}
		catch (SQLException ex) {
			rollback();
			if ("42601".equals(ex.getSQLState()) && ex.getMessage() != null
					&& ex.getMessage().contains("multiple commands")) {
				diagnostics.add(query.source().diagnostic(query.sqlOffset(), "query " + query.name() + ": PostgreSQL "
						+ "reads this text as more than one statement, where dbkit reads one; nothing of it was run. "
						+ "Rewrite the literals or comments around its semicolons"));
				return null;
			}
			// one statement that does not parse or analyse: the PREPARE below says where
			described = null;
		}
		String prepare = "PREPARE " + name + " AS ";
		try (Statement statement = this.simpleConnection.createStatement()) {
			// the text as it is: pgjdbc's JDBC escape processing ({oj ...}) would rewrite it
			statement.setEscapeProcessing(false);
			statement.execute(prepare + query.postgresSql());
		}
		catch (SQLException ex) {
			diagnostics.add(error(query, ex, prepare.length()));
			return null;
		}
		try {
			return analyzePrepared(query, name, described, diagnostics);
		}
		catch (SQLException ex) {
			diagnostics.add(error(query, ex, 0));
			return null;
		}
		finally {
			rollback();
			try (Statement statement = this.simpleConnection.createStatement()) {
				statement.execute("DEALLOCATE " + name);
			}
			catch (SQLException ex) {
				// the session ends with the analysis anyway
			}
		}
	}

	/** Statements PREPARE does not take: refused with their name rather than PostgreSQL's syntax error. */
	private static final Set<String> UNPREPARABLE = Set.of("CALL", "DO", "NOTIFY", "LISTEN", "UNLISTEN", "TRUNCATE",
			"REFRESH", "VACUUM", "ANALYZE", "CLUSTER", "REINDEX", "CREATE", "ALTER", "DROP", "GRANT", "REVOKE", "COPY",
			"SET", "RESET", "SHOW", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "LOCK",
			"DISCARD", "PREPARE", "EXECUTE", "DEALLOCATE", "DECLARE", "FETCH", "MOVE", "CLOSE", "COMMENT", "SECURITY",
			"LOAD", "CHECKPOINT", "EXPLAIN", "IMPORT", "REASSIGN");

	/** The first key word of a statement PREPARE does not take ({@code CALL}, {@code TRUNCATE}, ...), or null. */
	private static @Nullable String unpreparable(String sql) {
		for (SqlLexer.Token token : SqlLexer.tokens(sql)) {
			if (token.insignificant()
					|| (token.kind() == SqlLexer.Kind.OTHER && sql.charAt(token.start()) == '(')) {
				continue;
			}
			String word = token.text(sql).toUpperCase(Locale.ROOT);
			return (token.kind() == SqlLexer.Kind.IDENTIFIER && UNPREPARABLE.contains(word)) ? word : null;
		}
		return null;
	}

	/** What the extended protocol's describe tells of a statement: its columns' labels and origins, its query tree. */
	private record Described(List<String> labels, List<Catalog.@Nullable Table> baseTables, List<String> baseColumns,
			List<Object> rewritten) {
	}

	private Described describe(Query query, String name) throws SQLException {
		return describe(query, name, null);
	}

	/**
	 * @param parameterTypes when given, each placeholder is sent with the type PREPARE inferred for its parameter:
	 * a parameter written twice ({@code $1 ... $1}) is two placeholders for the driver, and the second one alone
	 * may give PostgreSQL nothing to infer its type from
	 */
	private Described describe(Query query, String name, long @Nullable [] parameterTypes) throws SQLException {
		List<String> labels = new ArrayList<>();
		List<Catalog.@Nullable Table> baseTables = new ArrayList<>();
		List<String> baseColumns = new ArrayList<>();
		List<Object> rewritten = new ArrayList<>();
		// a text of its own, so that the driver's statement cache never answers for the server (which would then
		// send no query tree for a statement that repeats an earlier one)
		try (PreparedStatement statement = this.connection
			.prepareStatement(query.jdbcSql() + "\n/* dbkit analysis " + name + " */")) {
			if (parameterTypes != null) {
				for (int slot = 0; slot < query.slots().length; slot++) {
					Catalog.Type type = this.catalog.type(parameterTypes[query.slots()[slot] - 1]);
					if (type != null) {
						statement.setNull(slot + 1, Types.OTHER, type.schema().equals("pg_catalog") ? type.name()
								: "\"" + type.schema() + "\".\"" + type.name() + "\"");
					}
				}
			}
			ResultSetMetaData metaData = statement.getMetaData();
			if (metaData != null && metaData.getColumnCount() > 0) {
				PGResultSetMetaData pg = metaData.unwrap(PGResultSetMetaData.class);
				for (int i = 1; i <= metaData.getColumnCount(); i++) {
					labels.add(metaData.getColumnLabel(i));
					String table = pg.getBaseTableName(i);
					baseTables.add((table == null || table.isEmpty()) ? null
							: this.catalog.table(emptyToNull(pg.getBaseSchemaName(i)), table));
					baseColumns.add(pg.getBaseColumnName(i));
				}
			}
			for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
				ServerErrorMessage notice = (warning instanceof PSQLWarning psql) ? psql.getServerErrorMessage() : null;
				if (notice != null && "rewritten parse tree:".equals(notice.getMessage()) && notice.getDetail() != null) {
					try {
						rewritten.add(NodeTree.parse(notice.getDetail()));
					}
					catch (IllegalArgumentException ex) {
						rewritten.clear();
						break;
					}
				}
			}
		}
		return new Described(labels, baseTables, baseColumns, rewritten);
	}

	private @Nullable AnalyzedQuery analyzePrepared(Query query, String name, @Nullable Described untyped,
			List<Diagnostic> diagnostics) throws SQLException {
		long[] parameterTypes;
		long[] resultTypes;
		try (Statement statement = this.simpleConnection.createStatement()) {
			try (ResultSet rs = statement.executeQuery(
					"SELECT array(SELECT unnest(parameter_types)::oid), array(SELECT unnest(result_types)::oid) "
							+ "FROM pg_prepared_statements WHERE name = '" + name + "'")) {
				rs.next();
				parameterTypes = longs(rs.getArray(1));
				resultTypes = longs(rs.getArray(2));
			}
		}
		List<NodeTree.Node> plannedStatements = new ArrayList<>();
		PlanNode plan = explain(query, plannedStatements);
		// the untyped describe failed on a parameter's type: again, with the types PREPARE inferred
		Described described = (untyped != null) ? untyped : describe(query, name + "_typed", parameterTypes);
		List<String> labels = described.labels();
		List<Catalog.@Nullable Table> baseTables = described.baseTables();
		List<String> baseColumns = described.baseColumns();
		List<Object> rewritten = described.rewritten();
		if (query.command() == QueryCommand.EXECLASTID && resultTypes.length != 1) {
			diagnostics.add(query.source().diagnostic(query.headerOffset(), "query " + query.name() + " is :execlastid, "
					+ "so its statement must return the new row's id as its one column (PostgreSQL has no last insert "
					+ "id: add RETURNING id); it returns " + resultTypes.length + " columns"));
			return null;
		}
		if (query.command().returnsRows() && resultTypes.length == 0) {
			diagnostics.add(query.source().diagnostic(query.headerOffset(), "query " + query.name() + " is :"
					+ query.command().name().toLowerCase(Locale.ROOT) + " but its statement returns no columns: use "
					+ ":exec or :execrows, or add a RETURNING clause"));
			return null;
		}
		if (!query.command().returnsRows() && resultTypes.length > 0 && query.command() != QueryCommand.EXEC) {
			// the driver refuses rows where it expects a count, at run time: say so at build time (:exec runs the
			// statement and discards its rows, as sqlc's does: SELECT pg_advisory_xact_lock($1))
			diagnostics.add(query.source().diagnostic(query.headerOffset(), "query " + query.name() + " is :"
					+ query.command().name().toLowerCase(Locale.ROOT) + " but its statement returns rows: use "
					+ (query.command() == QueryCommand.BATCHEXEC ? ":batchone or :batchmany" : ":one or :many")
					+ " (or, for a write, drop its RETURNING clause)"));
			return null;
		}

		PlanNode modify = plan.all().stream().filter((n) -> "ModifyTable".equals(n.type())).findFirst().orElse(null);
		Catalog.Table modifiedTable = (modify != null && modify.relation() != null)
				? this.catalog.table(modify.schema(), modify.relation()) : null;
		Map<Integer, Catalog.Column> inserted = insertedColumns(modify, modifiedTable);

		Map<String, Boolean> nullableAliases = new HashMap<>();
		Map<String, Catalog.Table> aliasTables = new HashMap<>();
		walk(plan, false, nullableAliases, aliasTables);
		// An InitPlan without output columns is an EXISTS: its value is true or false, never null.
		for (PlanNode node : plan.all()) {
			if (node.subplanName() != null && node.subplanName().startsWith("InitPlan") && node.output().isEmpty()) {
				nullableAliases.put("(" + node.subplanName() + ")", false);
			}
		}

		List<String> output = topOutput(plan, modify);
		List<AnalyzedQuery.Column> columns = new ArrayList<>();
		for (int i = 0; i < resultTypes.length; i++) {
			String label = (i < labels.size()) ? labels.get(i) : "column" + (i + 1);
			String expression = (i < output.size()) ? output.get(i) : "";
			boolean nonNull = nonNull(expression, nullableAliases, aliasTables);
			Catalog.Table table = null;
			Catalog.Column column = null;
			String[] ref = reference(expression, aliasTables);
			if (ref != null && aliasTables.containsKey(ref[0])) {
				table = aliasTables.get(ref[0]);
				column = table.column(ref[1]).orElse(null);
			}
			else if (i < baseTables.size() && baseTables.get(i) != null) {
				// a column of a subquery or CTE: the server reports the base column it comes from
				Catalog.Column base = baseTables.get(i).column(baseColumns.get(i)).orElse(null);
				if (!nonNull && base != null && base.notNull() && ref != null
						&& !nullableAliases.getOrDefault(ref[0], false)) {
					nonNull = true;
				}
			}
			if (label.endsWith("!")) {
				nonNull = true;
			}
			else if (label.endsWith("?")) {
				nonNull = false;
			}
			columns.add(new AnalyzedQuery.Column(label, resultTypes[i], nonNull, (column != null) ? table : null,
					(column != null) ? column.attnum() : 0));
		}

		List<AnalyzedQuery.Parameter> parameters = new ArrayList<>();
		for (int i = 0; i < parameterTypes.length; i++) {
			parameters.add(new AnalyzedQuery.Parameter(i + 1, parameterTypes[i], inserted.get(i + 1)));
		}

		List<Diagnostic> violations = new ArrayList<>();
		TenantProof.Result proof = TenantProof.prove(this.tenancy, this.tenantColumn, plannedStatements, rewritten);
		if (plannedStatements.isEmpty() || rewritten.isEmpty()) {
			violations.add(query.source()
				.diagnostic(query.sqlOffset(), "query " + query.name() + " performs a statement PostgreSQL sent no "
						+ "plan or query tree for (debug_print_plan, debug_print_rewritten), so its tenancy cannot be "
						+ "proved: dbkit refuses what it cannot prove")
				.withCode(Diagnostic.TENANCY));
		}
		List<Diagnostic> effects = new ArrayList<>();
		Set<String> refusedForTenancy = new HashSet<>();
		for (TenantProof.Finding finding : proof.findings()) {
			if (finding.kind() == TenantProof.Finding.Kind.TENANCY) {
				refusedForTenancy.add(finding.object());
			}
		}
		for (TenantProof.Finding finding : proof.findings()) {
			switch (finding.kind()) {
				case TENANCY -> violations.add(tenantDiagnostic(query, finding.object(), finding.message()));
				case SESSION -> effects.add(tenantDiagnostic(query, finding.object(), finding.message()));
				case SIDE_EFFECT -> {
					// in a tenant-scoped query a function refused for tenancy needs no second message
					if (!query.sideEffects() && (query.crossTenant() || !refusedForTenancy.contains(finding.object()))) {
						effects.add(tenantDiagnostic(query, finding.object(), finding.message()));
					}
				}
			}
		}
		Set<Integer> tenantParameters = new TreeSet<>(proof.tenantParameters());
		if (!query.crossTenant()) {
			effects.addAll(0, violations);
		}
		if (!effects.isEmpty()) {
			diagnostics.addAll(effects);
			return null;
		}
		return new AnalyzedQuery(query, parameters, columns, tenantParameters, modifiedTable, SoftDeleteFilterRule.unfiltered(plannedStatements, this.tenancy));
	}

	/**
	 * The generic plan as JSON (for nullability) and, in the same round trip, the planned statements' trees (for the
	 * tenant proof).
	 */
	private PlanNode explain(Query query, List<NodeTree.Node> plannedStatements) throws SQLException {
		try (Statement statement = this.simpleConnection.createStatement()) {
			statement.setEscapeProcessing(false);
			JsonNode root;
			try (ResultSet rs = statement
				.executeQuery("EXPLAIN (GENERIC_PLAN, VERBOSE, FORMAT JSON) " + query.postgresSql())) {
				rs.next();
				root = this.json.readTree(rs.getString(1));
			}
			for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
				if (warning instanceof PSQLWarning psql && psql.getServerErrorMessage() != null
						&& "plan:".equals(psql.getServerErrorMessage().getMessage())
						&& psql.getServerErrorMessage().getDetail() != null) {
					try {
						plannedStatements.add(NodeTree.parseNode(psql.getServerErrorMessage().getDetail()));
					}
					catch (IllegalArgumentException ex) {
						// a tree dbkit cannot read proves nothing: the query is refused for want of one
						plannedStatements.clear();
						break;
					}
				}
			}
			return PlanNode.of(root.path(0).path("Plan"));
		}
	}

	/** The expressions of the result: RETURNING of a modify node, else the top node's output. */
	private static List<String> topOutput(PlanNode plan, @Nullable PlanNode modify) {
		return (modify != null) ? modify.output() : plan.output();
	}

	/** For an INSERT, which parameter lands in which column (the plan lists values in column order). */
	private Map<Integer, Catalog.Column> insertedColumns(@Nullable PlanNode modify, Catalog.@Nullable Table table) {
		Map<Integer, Catalog.Column> inserted = new HashMap<>();
		if (modify == null || table == null || !"Insert".equals(modify.operation()) || modify.children().isEmpty()) {
			return inserted;
		}
		List<String> values = modify.children().get(0).output();
		for (int i = 0; i < values.size(); i++) {
			Integer parameter = Expressions.parameter(values.get(i));
			Catalog.Column column = table.attnum(i + 1).orElse(null);
			if (parameter != null && column != null) {
				inserted.putIfAbsent(parameter, column);
			}
		}
		return inserted;
	}

	/** Records each alias in the plan, whether it is on the nullable side of an outer join, and its table. */
	private void walk(PlanNode node, boolean nullable, Map<String, Boolean> nullableAliases,
			Map<String, Catalog.Table> aliasTables) {
		if (node.alias() != null) {
			nullableAliases.merge(node.alias(), nullable, Boolean::logicalOr);
			if (node.relation() != null) {
				Catalog.Table table = this.catalog.table(node.schema(), node.relation());
				if (table != null) {
					aliasTables.putIfAbsent(node.alias(), table);
				}
			}
		}
		String join = node.joinType();
		for (PlanNode child : node.children()) {
			boolean inner = "Inner".equals(child.parentRelationship());
			boolean outer = "Outer".equals(child.parentRelationship());
			boolean childNullable = nullable || ("Left".equals(join) && inner) || ("Right".equals(join) && outer)
					|| ("Full".equals(join) && (inner || outer));
			walk(child, childNullable, nullableAliases, aliasTables);
		}
	}

	private boolean nonNull(String expression, Map<String, Boolean> nullableAliases,
			Map<String, Catalog.Table> aliasTables) {
		if (expression.isEmpty()) {
			return false;
		}
		if (Expressions.isNonNullExpression(expression)) {
			return true;
		}
		Matcher initPlan = INIT_PLAN_VALUE.matcher(Expressions.strip(expression));
		if (initPlan.matches()) {
			return nullableAliases.containsKey("(" + initPlan.group(1) + ")");
		}
		List<String> coalesce = Expressions.coalesceArguments(expression);
		if (coalesce != null) {
			return coalesce.stream().anyMatch((argument) -> nonNull(argument, nullableAliases, aliasTables));
		}
		String[] ref = reference(expression, aliasTables);
		if (ref != null) {
			Catalog.Table table = aliasTables.get(ref[0]);
			return table != null && !nullableAliases.getOrDefault(ref[0], false)
					&& table.column(ref[1]).map(Catalog.Column::notNull).orElse(false);
		}
		return false;
	}

	/**
	 * The alias and column an output expression refers to. Plans print columns unqualified when only one relation
	 * is involved; those belong to that relation.
	 */
	private static String @Nullable [] reference(String expression, Map<String, Catalog.Table> aliasTables) {
		String[] ref = Expressions.columnRef(expression);
		if (ref != null) {
			return ref;
		}
		String bare = Expressions.bareColumn(expression);
		if (bare != null && aliasTables.size() == 1) {
			return new String[] { aliasTables.keySet().iterator().next(), bare };
		}
		return null;
	}

	private Diagnostic tenantDiagnostic(Query query, String table, String message) {
		Matcher matcher = Pattern.compile("(?i)(?<![A-Za-z0-9_.])\"?" + Pattern.quote(table) + "\"?(?![A-Za-z0-9_])")
			.matcher(query.postgresSql());
		int offset = matcher.find() ? query.fileOffset(matcher.start() + 1) : query.sqlOffset();
		return query.source().diagnostic(offset, "query " + query.name() + " " + message).withCode(Diagnostic.TENANCY);
	}

	/**
	 * A diagnostic for a server error, at the position PostgreSQL reports, less the length of what was sent before
	 * the query's own text ({@code prefix}).
	 */
	private Diagnostic error(Query query, SQLException ex, int prefix) {
		String message = ex.getMessage();
		int offset = query.sqlOffset();
		if (ex instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
			ServerErrorMessage server = psql.getServerErrorMessage();
			message = server.getMessage();
			if (server.getPosition() > prefix) {
				offset = query.fileOffset(server.getPosition() - prefix);
			}
			if ("42P18".equals(server.getSQLState())) {
				Matcher matcher = UNDETERMINED_PARAMETER.matcher(message);
				if (matcher.find()) {
					int index = Integer.parseInt(matcher.group(1));
					ParameterRef parameter = query.parameters()
						.stream()
						.filter((p) -> p.index() == index)
						.findFirst()
						.orElse(null);
					if (parameter != null) {
						offset = parameter.offset();
					}
					String written = (parameter != null && parameter.name() != null) ? "sqlc.arg(" + parameter.name() + ")"
							: "$" + index;
					message = message + ": add a cast so PostgreSQL knows its type, for example " + written + "::text";
				}
			}
			else if (server.getHint() != null) {
				message = message + " (" + server.getHint() + ")";
			}
		}
		return query.source().diagnostic(offset, "query " + query.name() + ": " + message);
	}

	private static long[] longs(@Nullable Array array) throws SQLException {
		if (array == null) {
			return new long[0];
		}
		Object[] values = (Object[]) array.getArray();
		long[] result = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = ((Number) values[i]).longValue();
		}
		return result;
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
