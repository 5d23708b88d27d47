package dev.dbkit.codegen.analyze;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;

import dev.dbkit.codegen.Diagnostic;
import dev.dbkit.codegen.parse.Query;
import dev.dbkit.codegen.parse.QueryCommand;
import dev.dbkit.sql.SqlLexer;

/**
 * Statements PostgreSQL does not {@code PREPARE} ({@code CALL}, {@code DO}, {@code TRUNCATE}, {@code NOTIFY},
 * {@code REFRESH MATERIALIZED VIEW}), analysed another way: what they name is looked up in the catalog (the
 * procedure and its argument types, the tables, the materialized view), a {@code DO} block's body is compiled
 * by PL/pgSQL's validator in a transaction that is rolled back, and nothing is run. Their tenancy is decided
 * here, failing closed: a procedure or a {@code DO} block can do anything, a {@code TRUNCATE} or a refresh reaches
 * every tenant's rows, so all of them are platform operations ({@code -- dbkit:cross-tenant}); a {@code NOTIFY}
 * touches no table but signals other sessions ({@code -- dbkit:side-effects}). {@code LISTEN} and {@code UNLISTEN}
 * change the session, which a pooled connection would keep: refused.
 */
final class UtilityStatements {

	/** The statements analysed here, by first key word. */
	static final Set<String> ANALYSED = Set.of("CALL", "DO", "TRUNCATE", "NOTIFY", "REFRESH", "LISTEN", "UNLISTEN");

	private final Connection connection;

	UtilityStatements(Connection connection) {
		this.connection = connection;
	}

	@Nullable AnalyzedQuery analyze(Query query, String word, List<Diagnostic> diagnostics) throws SQLException {
		String sql = query.postgresSql();
		List<SqlLexer.Token> tokens = SqlLexer.significantTokens(sql);
		if (word.equals("LISTEN") || word.equals("UNLISTEN")) {
			return refuse(query, word, diagnostics, word + " changes the session: a pooled connection would go on listening "
					+ "(or stop) for whoever borrows it next. Listen on a connection of your own, outside the pool "
					+ "(pgjdbc's PGConnection.getNotifications), not through a generated query", true);
		}
		if (query.command() != QueryCommand.EXEC) {
			return refuse(query, word, diagnostics, "a " + word + " statement returns no rows and no row count: use :exec",
					false);
		}
		List<AnalyzedQuery.Parameter> parameters = new ArrayList<>();
		switch (word) {
			case "TRUNCATE" -> {
				if (!query.crossTenant()) {
					return refuse(query, word, diagnostics, "a TRUNCATE empties a table for every tenant at once: it can never "
							+ "be scoped to one (DELETE ... WHERE tenant_id = $1 is). A platform job that means it "
							+ "marks the query -- dbkit:cross-tenant", true);
				}
				for (String table : truncatedTables(sql, tokens)) {
					if (!relationOfKind(table, "rp")) {
						return refuse(query, word, diagnostics, "TRUNCATE names " + table + ", which is not a table here", false);
					}
				}
			}
			case "REFRESH" -> {
				if (!query.crossTenant()) {
					return refuse(query, word, diagnostics, "REFRESH MATERIALIZED VIEW recomputes the view for every tenant: "
							+ "it is a platform operation; mark the query -- dbkit:cross-tenant", true);
				}
				String view = refreshedView(sql, tokens);
				if (view == null || !relationOfKind(view, "m")) {
					return refuse(query, word, diagnostics, "REFRESH MATERIALIZED VIEW names "
							+ ((view == null) ? "nothing dbkit can read" : view) + ", which is not a materialized view "
							+ "here", false);
				}
			}
			case "DO" -> {
				if (!query.crossTenant()) {
					return refuse(query, word, diagnostics, "a DO block runs code the tenant proof cannot read (it can reach "
							+ "any tenant's rows): it is a platform operation; mark the query -- dbkit:cross-tenant", true);
				}
				String problem = compileDoBlock(sql, tokens);
				if (problem != null) {
					return refuse(query, word, diagnostics, problem, false);
				}
			}
			case "NOTIFY" -> {
				if (!query.sideEffects()) {
					return refuse(query, word, diagnostics, "NOTIFY signals every session listening on the channel: declare "
							+ "it with a -- dbkit:side-effects line under the query's name", true);
				}
				boolean channel = tokens.size() >= 2 && (tokens.get(1).kind() == SqlLexer.Kind.IDENTIFIER
						|| tokens.get(1).kind() == SqlLexer.Kind.QUOTED_IDENTIFIER);
				boolean payload = tokens.size() == 2 || (tokens.size() == 4 && tokens.get(2).text(sql).equals(",")
						&& tokens.get(3).kind() == SqlLexer.Kind.STRING);
				if (!channel || !payload) {
					return refuse(query, word, diagnostics, "write NOTIFY channel or NOTIFY channel, 'payload' (a payload "
							+ "from a parameter is SELECT pg_notify('channel', $1))", false);
				}
			}
			case "CALL" -> {
				if (!query.crossTenant()) {
					return refuse(query, word, diagnostics, "a procedure's body is code the tenant proof cannot read (it can "
							+ "reach any tenant's rows): CALL is a platform operation; mark the query "
							+ "-- dbkit:cross-tenant, or write the work as a tenant-scoped query", true);
				}
				String problem = procedureCall(sql, tokens, parameters);
				if (problem != null) {
					return refuse(query, word, diagnostics, problem, false);
				}
			}
			default -> throw new IllegalArgumentException(word);
		}
		return new AnalyzedQuery(query, parameters, List.of(), Set.of(), null, List.of());
	}

	private static @Nullable AnalyzedQuery refuse(Query query, String word, List<Diagnostic> diagnostics,
			String message, boolean tenancy) {
		Diagnostic diagnostic = query.source().diagnostic(query.sqlOffset(), "query " + query.name() + " (" + word
				+ "): " + message);
		diagnostics.add(tenancy ? diagnostic.withCode(Diagnostic.TENANCY) : diagnostic);
		return null;
	}

	/** TRUNCATE [TABLE] [ONLY] name [*] [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT] */
	private static List<String> truncatedTables(String sql, List<SqlLexer.Token> tokens) {
		List<String> tables = new ArrayList<>();
		StringBuilder name = new StringBuilder();
		for (int t = 1; t < tokens.size(); t++) {
			String text = tokens.get(t).text(sql);
			String upper = text.toUpperCase(Locale.ROOT);
			boolean keyword = tokens.get(t).kind() == SqlLexer.Kind.IDENTIFIER && Set.of("TABLE", "ONLY", "RESTART",
					"CONTINUE", "IDENTITY", "CASCADE", "RESTRICT").contains(upper);
			if (text.equals(",") || keyword || text.equals("*")) {
				if (!name.isEmpty()) {
					tables.add(name.toString());
					name.setLength(0);
				}
				continue;
			}
			name.append(text);
		}
		if (!name.isEmpty()) {
			tables.add(name.toString());
		}
		return tables;
	}

	/** REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA] */
	private static @Nullable String refreshedView(String sql, List<SqlLexer.Token> tokens) {
		StringBuilder name = new StringBuilder();
		for (int t = 1; t < tokens.size(); t++) {
			String text = tokens.get(t).text(sql);
			String upper = text.toUpperCase(Locale.ROOT);
			if (tokens.get(t).kind() == SqlLexer.Kind.IDENTIFIER
					&& Set.of("MATERIALIZED", "VIEW", "CONCURRENTLY").contains(upper)) {
				continue;
			}
			if (upper.equals("WITH")) {
				break;
			}
			name.append(text);
		}
		return name.isEmpty() ? null : name.toString();
	}

	private boolean relationOfKind(String name, String kinds) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT c.relkind::text FROM pg_class c WHERE c.oid = to_regclass(?)")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && kinds.contains(rs.getString(1));
			}
		}
	}

	/**
	 * Compiles a DO block's body as a function of its language, whose validator checks it without running it, in
	 * a transaction that is rolled back. Only {@code plpgsql}: other languages' validators may run code while
	 * compiling (Perl's BEGIN blocks), and PostgreSQL runs no inline {@code sql}.
	 */
	private @Nullable String compileDoBlock(String sql, List<SqlLexer.Token> tokens) throws SQLException {
		SqlLexer.Token body = null;
		String language = "plpgsql";
		for (int t = 1; t < tokens.size(); t++) {
			SqlLexer.Token token = tokens.get(t);
			if (token.kind() == SqlLexer.Kind.STRING || token.kind() == SqlLexer.Kind.DOLLAR_STRING) {
				if (body != null) {
					return "a DO block has one body";
				}
				body = token;
			}
			else if (token.text(sql).equalsIgnoreCase("LANGUAGE") && t + 1 < tokens.size()) {
				language = tokens.get(++t).text(sql).toLowerCase(Locale.ROOT);
			}
			else {
				return "write DO [LANGUAGE plpgsql] $$ ... $$";
			}
		}
		if (body == null) {
			return "a DO block needs a body: DO $$ ... $$";
		}
		if (!language.equals("plpgsql")) {
			return "dbkit checks DO blocks in plpgsql, whose validator compiles without running anything (and "
					+ "PostgreSQL runs no inline sql); this one is " + language;
		}
		boolean autoCommit = this.connection.getAutoCommit();
		try (Statement statement = this.connection.createStatement()) {
			this.connection.rollback();
			statement.execute("SET TRANSACTION READ WRITE");
			statement.execute("SET LOCAL check_function_bodies = on");
			try (PreparedStatement create = this.connection.prepareStatement("CREATE FUNCTION "
					+ "pg_temp.dbkit_do_check() RETURNS void LANGUAGE " + language + " AS " + body.text(sql))) {
				create.execute();
			}
			return null;
		}
		catch (SQLException ex) {
			String message = (ex instanceof PSQLException psql && psql.getServerErrorMessage() != null)
					? psql.getServerErrorMessage().getMessage() : ex.getMessage();
			return "its body does not compile: " + message;
		}
		finally {
			this.connection.rollback();
			this.connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * CALL name(arguments): the procedure is looked up (one definition, no OUT parameters), and each argument that
	 * is a parameter takes the type of the procedure's parameter in its place.
	 */
	private @Nullable String procedureCall(String sql, List<SqlLexer.Token> tokens,
			List<AnalyzedQuery.Parameter> parameters) throws SQLException {
		int open = -1;
		StringBuilder name = new StringBuilder();
		for (int t = 1; t < tokens.size(); t++) {
			if (tokens.get(t).text(sql).equals("(")) {
				open = t;
				break;
			}
			name.append(tokens.get(t).text(sql));
		}
		if (open < 0 || !tokens.get(tokens.size() - 1).text(sql).equals(")")) {
			return "write CALL procedure(arguments)";
		}
		List<List<SqlLexer.Token>> arguments = new ArrayList<>();
		List<SqlLexer.Token> current = new ArrayList<>();
		int depth = 0;
		for (int t = open + 1; t < tokens.size() - 1; t++) {
			String text = tokens.get(t).text(sql);
			depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
			if (depth == 0 && text.equals(",")) {
				arguments.add(current);
				current = new ArrayList<>();
				continue;
			}
			current.add(tokens.get(t));
		}
		if (!current.isEmpty()) {
			arguments.add(current);
		}
		long[] types;
		int defaults;
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT p.proargtypes::oid[], "
				+ "p.pronargdefaults, p.proargmodes IS NOT NULL AND 'o' = ANY(p.proargmodes) FROM pg_proc p "
				+ "WHERE p.prokind = 'p' AND p.proname = lower(?) AND (? = '' AND pg_function_is_visible(p.oid) "
				+ "OR p.pronamespace::regnamespace::text = lower(?))")) {
			String text = name.toString();
			int dot = text.lastIndexOf('.');
			String schema = (dot < 0) ? "" : text.substring(0, dot).replace("\"", "");
			statement.setString(1, text.substring(dot + 1).replace("\"", ""));
			statement.setString(2, schema);
			statement.setString(3, schema);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return "there is no procedure " + text + " (CALL runs procedures: CREATE PROCEDURE)";
				}
				Object[] array = (Object[]) rs.getArray(1).getArray();
				types = new long[array.length];
				for (int i = 0; i < array.length; i++) {
					types[i] = ((Number) array[i]).longValue();
				}
				defaults = rs.getInt(2);
				boolean out = rs.getBoolean(3);
				if (rs.next()) {
					return "procedure " + text + " has several definitions: dbkit analyses a CALL of a procedure "
							+ "with one, whose parameter types it takes";
				}
				if (out) {
					return "procedure " + text + " has OUT parameters, so CALL returns a row: write it as a function "
							+ "and SELECT it";
				}
			}
		}
		if (arguments.size() > types.length || arguments.size() < types.length - defaults) {
			return "procedure " + name + " takes " + (types.length - defaults)
					+ ((defaults > 0) ? " to " + types.length : "") + " arguments, not " + arguments.size();
		}
		for (int a = 0; a < arguments.size(); a++) {
			List<SqlLexer.Token> argument = arguments.get(a);
			SqlLexer.Token only = (argument.size() == 1) ? argument.get(0) : null;
			if (only != null && only.kind() == SqlLexer.Kind.PARAMETER) {
				int index = SqlLexer.parameterNumber(sql, only);
				long type = types[a];
				if (parameters.stream().anyMatch((p) -> p.index() == index && p.typeOid() != type)) {
					return "$" + index + " is passed for parameters of different types";
				}
				if (parameters.stream().noneMatch((p) -> p.index() == index)) {
					parameters.add(new AnalyzedQuery.Parameter(index, type, null));
				}
				continue;
			}
			boolean constant = only != null && (only.kind() == SqlLexer.Kind.STRING || only.kind() == SqlLexer.Kind.NUMBER
					|| only.text(sql).equalsIgnoreCase("NULL") || only.text(sql).equalsIgnoreCase("TRUE")
					|| only.text(sql).equalsIgnoreCase("FALSE"));
			if (!constant) {
				return "each argument of a CALL is a parameter or a constant (argument " + (a + 1) + " is not): compute "
						+ "values in the procedure, or in a query before it";
			}
		}
		parameters.sort((x, y) -> Integer.compare(x.index(), y.index()));
		for (int i = 0; i < parameters.size(); i++) {
			if (parameters.get(i).index() != i + 1) {
				return "the parameters of the CALL are $1 to $" + parameters.size() + ", each passed as an argument";
			}
		}
		return null;
	}

}
