package dev.dbkit.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SqlLexer} against PostgreSQL itself, on generated scripts full of what lexers get wrong: quotes doubled and
 * escaped, {@code E''}, {@code U&''}, {@code B''} strings, quoted identifiers, dollar quotes with tags (non-ASCII
 * ones too), identifiers with {@code $} and non-ASCII letters, nested comments, line comments ended by {@code \r},
 * semicolons and commas everywhere a lexer could take them for code, {@code ?} operators.
 * <p>
 * The server is asked, in a read-only transaction as a role without rights to change anything, to run each script
 * over the simple protocol; it answers with one result per statement and one column per top-level comma, which is
 * exactly what the lexer must predict (statement boundaries and where every literal and comment ends). Parameters
 * are compared through {@code PREPARE}: the numbers the server counts against the lexer's {@code $n} tokens.
 */
class SqlLexerDifferentialTests {

	private static final int SCRIPTS = 1500;

	static TestDatabase db;

	static Connection simple;

	@BeforeAll
	static void connect() throws SQLException {
		db = TestPostgres.shared().createDatabase("sql_lexer");
		Properties properties = new Properties();
		properties.setProperty("user", db.applicationUsername());
		properties.setProperty("password", db.applicationPassword());
		properties.setProperty("preferQueryMode", "simple");
		simple = DriverManager.getConnection(db.jdbcUrl(), properties);
		try (Statement statement = simple.createStatement()) {
			statement.execute("SET default_transaction_read_only = on");
			statement.execute("SET statement_timeout = '5s'");
		}
	}

	@AfterAll
	static void close() throws SQLException {
		simple.close();
	}

	@Test
	void statementBoundariesAndLiteralsAgreeWithTheServer() throws SQLException {
		Random random = new Random(20261201);
		int compared = 0;
		List<String> disagreements = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (int n = 0; n < SCRIPTS; n++) {
			String script = script(random);
			List<Integer> server;
			try {
				server = serverColumns(script);
			}
			catch (SQLException ex) {
				refused.add(printable(script) + "\n  -> " + ex.getMessage());
				continue;
			}
			compared++;
			List<Integer> lexer = lexerColumns(script);
			if (!lexer.equals(server)) {
				disagreements.add(printable(script) + "\n  server " + server + ", lexer " + lexer);
			}
		}
		assertThat(disagreements).as("scripts the lexer reads otherwise than PostgreSQL").isEmpty();
		// the generator writes valid SQL: a server that refuses much of it compares nothing
		assertThat(compared).as("scripts compared; refused: %s", refused.stream().limit(5).toList())
			.isGreaterThan(SCRIPTS * 95 / 100);
	}

	@Test
	void parametersAgreeWithTheServer() throws SQLException {
		Random random = new Random(42);
		List<String> disagreements = new ArrayList<>();
		for (int n = 0; n < 300; n++) {
			int real = 1 + random.nextInt(4);
			StringBuilder sql = new StringBuilder("SELECT ");
			List<String> columns = new ArrayList<>();
			for (int p = 1; p <= real; p++) {
				columns.add("$" + p + "::int");
			}
			for (int k = 0; k < 4; k++) {
				// parameters that are not: $7..$9 inside literals, comments and names
				String fake = "$" + (7 + random.nextInt(3));
				columns.add(switch (random.nextInt(6)) {
					case 0 -> "'" + fake + "'";
					case 1 -> "E'\\'" + fake + "'";
					case 2 -> "$q$" + fake + "$q$";
					case 3 -> "1 AS \"" + fake + "\"";
					case 4 -> "1 AS a" + fake;
					default -> "1 /* " + fake + " */";
				});
			}
			java.util.Collections.shuffle(columns, random);
			sql.append(String.join(random.nextBoolean() ? ", " : "\n-- " + "$8 ;\r, ", columns));
			int server;
			try (Statement statement = simple.createStatement()) {
				statement.setEscapeProcessing(false);
				statement.execute("PREPARE lexer_p AS " + sql);
				try (ResultSet rs = statement.executeQuery(
						"SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = 'lexer_p'")) {
					rs.next();
					server = rs.getInt(1);
				}
				statement.execute("DEALLOCATE lexer_p");
			}
			int lexer = 0;
			String text = sql.toString();
			for (SqlLexer.Token token : SqlLexer.tokens(text)) {
				if (token.kind() == SqlLexer.Kind.PARAMETER) {
					lexer = Math.max(lexer, SqlLexer.parameterNumber(text, token));
				}
			}
			if (lexer != server || server != real) {
				disagreements.add(printable(text) + "\n  server " + server + ", lexer " + lexer);
			}
		}
		assertThat(disagreements).isEmpty();
	}

	@Test
	void theCasesThatOnceDisagreed() throws SQLException {
		// a line comment ends at a carriage return: PostgreSQL runs what follows it
		assertThat(serverColumns("SELECT 1 -- one\r, 2")).containsExactly(2);
		assertThat(lexerColumns("SELECT 1 -- one\r, 2")).containsExactly(2);
		assertThat(SqlScriptSplitter.split("SELECT 1 --\r; SELECT 2")).hasSize(2);
		// a dollar quote whose tag starts with a non-ASCII digit
		assertThat(lexerColumns("SELECT $٣$,$٣$")).isEqualTo(serverColumns("SELECT $٣$,$٣$"));
		// a number right before a dollar quote
		assertThat(lexerColumns("SELECT 1$$,$$")).isEqualTo(List.of(1));
		// $1_0 is one parameter to PostgreSQL, not $1 and a name
		SqlLexer.Token parameter = SqlLexer.tokens("$1_0").get(0);
		assertThat(parameter.kind()).isEqualTo(SqlLexer.Kind.PARAMETER);
		assertThat(SqlLexer.parameterNumber("$1_0", parameter)).isEqualTo(-1);
	}

	@Test
	void aStandardStringWithABackslashBeforeAQuoteIsMarked() {
		assertThat(SqlLexer.tokens("'a\\'").get(0).dependsOnSettings()).isTrue();
		assertThat(SqlLexer.tokens("'a\\\\'").get(0).dependsOnSettings()).isFalse();
		assertThat(SqlLexer.tokens("E'a\\''").get(0).dependsOnSettings()).isFalse();
		assertThat(SqlLexer.tokens("'a\\'' ; x'").get(0).dependsOnSettings()).isTrue();
	}

	/** One result per statement, with its number of columns, as the server runs the script. */
	private static List<Integer> serverColumns(String script) throws SQLException {
		List<Integer> columns = new ArrayList<>();
		try (Statement statement = simple.createStatement()) {
			statement.setEscapeProcessing(false);
			boolean isResult = statement.execute(script);
			while (true) {
				if (isResult) {
					try (ResultSet rs = statement.getResultSet()) {
						columns.add(rs.getMetaData().getColumnCount());
					}
				}
				else if (statement.getUpdateCount() == -1) {
					break;
				}
				isResult = statement.getMoreResults();
			}
		}
		return columns;
	}

	/** What the lexer predicts: per statement, top-level commas plus one. */
	static List<Integer> lexerColumns(String script) {
		List<Integer> columns = new ArrayList<>();
		for (SqlStatement statement : SqlScriptSplitter.split(script)) {
			int depth = 0;
			int count = 1;
			for (SqlLexer.Token token : SqlLexer.tokens(statement.sql())) {
				if (token.kind() == SqlLexer.Kind.OTHER) {
					char c = statement.sql().charAt(token.start());
					depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
					count += (c == ',' && depth == 0) ? 1 : 0;
				}
			}
			columns.add(count);
		}
		return columns;
	}

	private static String script(Random random) {
		StringBuilder script = new StringBuilder();
		int statements = 1 + random.nextInt(3);
		for (int s = 0; s < statements; s++) {
			if (s > 0) {
				script.append(pick(random, ";", ";\n", " ; ", ";;", ";-- end; of it\n", "; /* ; */ ", ";\r"));
			}
			script.append(pick(random, "SELECT ", "SELECT\n", "SELECT/**/", "SELECT\t"));
			int columns = 1 + random.nextInt(5);
			for (int c = 0; c < columns; c++) {
				if (c > 0) {
					script.append(separator(random));
				}
				script.append(column(random));
			}
		}
		if (random.nextInt(4) == 0) {
			script.append(pick(random, ";", " -- trailing; comment", "\n/* ; */"));
		}
		return script.toString();
	}

	private static String separator(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> " /* ;, /* nested ;, */ ;, */ ,";
			case 1 -> " -- ;, comment\n,";
			case 2 -> " -- ends at a carriage return\r,";
			case 3 -> "\f,\t";
			case 4 -> ",/*,*/";
			case 5 -> " --\r\n, ";
			default -> ", ";
		};
	}

	private static String column(Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> "'" + content(random, "'") + "'";
			case 1 -> "E'" + escaped(random) + "'";
			case 2 -> "U&'" + content(random, "'") + "'";
			case 3 -> "1 AS \"q" + content(random, "\"") + "\"";
			case 4 -> "2 AS U&\"q" + content(random, "\"") + "\"";
			case 5 -> {
				String tag = pick(random, "", "a", "_x1", "é", "٣", "tag", "Ω$".substring(0, 1));
				yield "$" + tag + "$" + dollarContent(random, tag) + "$" + tag + "$";
			}
			case 6 -> pick(random, "1", "1.5", ".5", "1e3", "0", "42::int");
			case 7 -> "3 AS " + pick(random, "a$b", "é$$", "x$1", "task€$$", "ñandú", "_$");
			case 8 -> "(1, 2) = (1, 2)";
			case 9 -> "'{\"a\": 1}'::jsonb ? 'a'";
			case 10 -> pick(random, "B'101'", "X'1F'", "N'n;,'", "b''", "'a'\n'b,;'");
			case 11 -> "'it''s' || " + "'" + content(random, "'") + "'";
			case 12 -> "4 " + pick(random, "-- ;,\n", "/* , */", "--;\r", "/* /* , */ ; */");
			case 13 -> "5 AS " + pick(random, "\"a\"\"b\"", "\"$$\"", "\"--\"", "\"/*\"");
			case 14 -> "2 -" + pick(random, "-1\n", " -1", "/*-*/1");
			default -> "'" + content(random, "'") + "'::text";
		};
	}

	private static String content(Random random, String quote) {
		StringBuilder s = new StringBuilder();
		int n = random.nextInt(6);
		for (int i = 0; i < n; i++) {
			s.append(pick(random, "a", ";", ",", quote + quote, "--", "/*", "*/", "$$", "$a$", "é", "€", "\n", "\r",
					" ", "?", "''".equals(quote + quote) ? "\"" : "'", "\\\\", "E", "$1"));
		}
		return s.toString();
	}

	private static String escaped(Random random) {
		StringBuilder s = new StringBuilder();
		int n = random.nextInt(6);
		for (int i = 0; i < n; i++) {
			s.append(pick(random, "a", ";", ",", "''", "\\'", "\\\\", "\\n", "--", "/*", "$$", "é", "\""));
		}
		return s.toString();
	}

	private static String dollarContent(Random random, String tag) {
		StringBuilder s = new StringBuilder();
		int n = random.nextInt(6);
		for (int i = 0; i < n; i++) {
			String piece = pick(random, "a", ";", ",", "'", "\"", "--", "/*", "$", "$b$", "\\", "é", "$" + tag + "x$");
			s.append(piece);
		}
		// never the closing tag early (a tag followed by more text is fine: $a$ inside $ab$ ... )
		String text = s.append('x').toString();
		return text.contains("$" + tag + "$") ? "x" : text;
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... options) {
		return options[random.nextInt(options.length)];
	}

	private static String printable(String s) {
		return s.replace("\r", "\\r").replace("\n", "\\n").replace("\f", "\\f").replace("\t", "\\t");
	}

}
