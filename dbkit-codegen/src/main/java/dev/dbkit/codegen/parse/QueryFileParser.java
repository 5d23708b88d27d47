package dev.dbkit.codegen.parse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

import dev.dbkit.codegen.Diagnostic;
import dev.dbkit.sql.SqlLexer;
import dev.dbkit.sql.SqlScriptSplitter;
import dev.dbkit.sql.SqlStatement;

/**
 * Parses sqlc-style query files: {@code -- name: Name :command} headers, the comment lines after a header (its
 * Javadoc, and markers such as {@code -- dbkit:cross-tenant}), one statement per query. Parameters are PostgreSQL's
 * {@code $n} (repeatable) or sqlc's {@code @name}, {@code sqlc.arg(name)}, {@code sqlc.narg(name)} and
 * {@code sqlc.slice(name)} (a list, sent as one array: {@code x IN (sqlc.slice(ids))} becomes
 * {@code x = ANY($n)}); string literals, quoted identifiers, comments and dollar-quoted bodies are respected.
 */
public final class QueryFileParser {

	/** {@code -- name: X :command}, or sqlc's other form {@code /* name: X :command *}{@code /} on a line of its own. */
	private static final Pattern HEADER = Pattern
		.compile("[ \\t]*(?:--[ \\t]*name:(.*)|/\\*[ \\t]*name:(.*?)\\*/[ \\t]*)");

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** What the text before {@code sqlc.slice(...)} must end with: {@code IN (}, maybe {@code NOT IN (}. */
	private static final Pattern SLICE_CONTEXT = Pattern.compile("(?i)(\\bNOT\\s+)?\\bIN\\s*\\(\\s*$");

	/** The highest parameter number PostgreSQL accepts. */
	private static final int MAX_PARAMETER = 65535;

	/** The markers a query block may hold. */
	public static final String CROSS_TENANT = "dbkit:cross-tenant";

	/** Declares that a query calls built-ins with side effects (notifications, sequences, large objects, locks). */
	public static final String SIDE_EFFECTS = "dbkit:side-effects";

	/** Marks a {@code :many} query whose rows are also read as a stream, through a cursor. */
	public static final String STREAM = "dbkit:stream";

	private QueryFileParser() {
	}

	/**
	 * The result of parsing one file.
	 *
	 * @param file the queries that parsed
	 * @param diagnostics the problems found
	 */
	public record Result(QueryFile file, List<Diagnostic> diagnostics) {
	}

	public static Result parse(SourceText source, String baseName, String resourcePath) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<Query> queries = new ArrayList<>();
		String text = source.text();
		int lines = source.lineStarts().length;
		List<Integer> headers = new ArrayList<>();
		for (int line = 0; line < lines; line++) {
			if (HEADER.matcher(lineText(source, line)).matches()) {
				headers.add(line);
			}
		}
		int firstHeader = headers.isEmpty() ? lines : headers.get(0);
		for (int line = 0; line < firstHeader; line++) {
			String content = lineText(source, line).strip();
			if (!content.isEmpty() && !content.startsWith("--")) {
				int offset = source.lineStarts()[line] + lineText(source, line).indexOf(content.charAt(0));
				diagnostics.add(source.diagnostic(offset, "SQL outside a query: start each query with a "
						+ "`-- name: QueryName :command` line (for example `-- name: GetFeatureFlag :one`)"));
				break;
			}
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int h = 0; h < headers.size(); h++) {
			int headerLine = headers.get(h);
			int blockEndLine = (h + 1 < headers.size()) ? headers.get(h + 1) : lines;
			int blockStart = (headerLine + 1 < lines) ? source.lineStarts()[headerLine + 1] : text.length();
			int blockEnd = (blockEndLine < lines) ? source.lineStarts()[blockEndLine] : text.length();
			Query query = parseQuery(source, headerLine, blockStart, Math.max(blockStart, blockEnd), diagnostics);
			if (query != null) {
				Integer previous = seen.putIfAbsent(query.name(), query.line());
				if (previous != null) {
					diagnostics.add(source.diagnostic(query.headerOffset(), "duplicate query name " + query.name()
							+ ", also at line " + previous + ": every query in a file needs its own name"));
				}
				else {
					queries.add(query);
				}
			}
		}
		return new Result(new QueryFile(source, baseName, resourcePath, queries), diagnostics);
	}

	private static @Nullable Query parseQuery(SourceText source, int headerLine, int blockStart, int blockEnd,
			List<Diagnostic> diagnostics) {
		String header = lineText(source, headerLine);
		int headerOffset = source.lineStarts()[headerLine];
		Matcher matcher = HEADER.matcher(header);
		matcher.matches();
		int group = (matcher.group(1) != null) ? 1 : 2;
		int restOffset = headerOffset + matcher.start(group);
		String rest = matcher.group(group);
		String[] words = rest.strip().isEmpty() ? new String[0] : rest.strip().split("\\s+");
		int wordsOffset = restOffset + (rest.length() - rest.stripLeading().length());
		if (words.length == 0 || !NAME.matcher(words[0]).matches()) {
			diagnostics.add(source.diagnostic(wordsOffset, "a query needs a name: write `-- name: QueryName :command`, "
					+ "the name in UpperCamelCase such as GetFeatureFlag"));
			return null;
		}
		String name = words[0];
		if (words.length < 2) {
			diagnostics.add(source.diagnostic(wordsOffset + name.length(), "query " + name
					+ " has no command: add " + QueryCommand.list() + " after its name"));
			return null;
		}
		int commandOffset = headerOffset + header.indexOf(words[1], header.indexOf(name) + name.length());
		QueryCommand command = words[1].startsWith(":") ? QueryCommand.parse(words[1].substring(1)) : null;
		if (command == null) {
			diagnostics.add(source.diagnostic(commandOffset, "unknown command " + words[1] + " for query " + name
					+ ": use " + QueryCommand.list()));
			return null;
		}
		if (words.length > 2) {
			diagnostics.add(source.diagnostic(headerOffset + header.indexOf(words[2], commandOffset - headerOffset),
					"unexpected text after the command of query " + name + ": the header is `-- name: "
							+ name + " " + words[1] + "`"));
			return null;
		}

		// Comment lines before the statement are its Javadoc; marker lines anywhere in the block are recognised.
		List<String> javadoc = new ArrayList<>();
		boolean crossTenant = false;
		boolean sideEffects = false;
		boolean stream = false;
		boolean inDoc = true;
		int sqlStart = blockEnd;
		int line = headerLine + 1;
		int lineCount = source.lineStarts().length;
		while (line < lineCount && source.lineStarts()[line] < blockEnd) {
			String content = lineText(source, line).strip();
			int lineOffset = source.lineStarts()[line];
			if (content.startsWith("--")) {
				String comment = content.substring(2).strip();
				if (comment.startsWith("dbkit:")) {
					if (comment.equals(CROSS_TENANT)) {
						crossTenant = true;
					}
					else if (comment.equals(SIDE_EFFECTS)) {
						sideEffects = true;
					}
					else if (comment.equals(STREAM) && command == QueryCommand.MANY) {
						stream = true;
					}
					else if (comment.equals(STREAM)) {
						diagnostics.add(source.diagnostic(lineOffset + lineText(source, line).indexOf("dbkit:"),
								"-- " + STREAM + " is for :many queries, whose rows it streams; query " + name
										+ " is :" + command.name().toLowerCase(Locale.ROOT)));
					}
					else {
						diagnostics.add(source.diagnostic(lineOffset + lineText(source, line).indexOf("dbkit:"),
								"unknown marker " + comment + ": the known markers are -- " + CROSS_TENANT + ", -- "
										+ SIDE_EFFECTS + " and -- " + STREAM));
					}
				}
				else if (inDoc) {
					javadoc.add(comment);
				}
			}
			else if (!content.isEmpty() && inDoc) {
				inDoc = false;
				sqlStart = lineOffset;
			}
			line++;
		}
		while (!javadoc.isEmpty() && javadoc.get(javadoc.size() - 1).isEmpty()) {
			javadoc.remove(javadoc.size() - 1);
		}
		String block = source.text().substring(sqlStart, blockEnd);
		List<SqlStatement> statements = SqlScriptSplitter.split(block);
		if (statements.isEmpty()) {
			diagnostics.add(source.diagnostic(headerOffset, "query " + name + " has no SQL statement"));
			return null;
		}
		if (statements.size() > 1) {
			diagnostics.add(source.diagnostic(sqlStart + statements.get(1).offset(), "query " + name
					+ " holds more than one statement: start each query with its own `-- name: QueryName :command` "
					+ "line"));
			return null;
		}
		SqlStatement statement = statements.get(0);
		return scanParameters(source, name, command, headerOffset, statement.sql(), sqlStart + statement.offset(),
				javadoc, crossTenant, sideEffects, stream, diagnostics);
	}

	private static @Nullable Query scanParameters(SourceText source, String name, QueryCommand command,
			int headerOffset, String sql, int base, List<String> javadoc, boolean crossTenant, boolean sideEffects,
			boolean stream, List<Diagnostic> diagnostics) {
		StringBuilder pg = new StringBuilder(sql.length());
		StringBuilder jdbc = new StringBuilder(sql.length());
		List<Integer> offsets = new ArrayList<>(sql.length());
		List<Integer> slots = new ArrayList<>();
		Map<String, Integer> namedIndex = new LinkedHashMap<>();
		TreeMap<Integer, ParameterRef> parameters = new TreeMap<>();
		List<Query.Embed> embeds = new ArrayList<>();
		int highestPositional = 0;
		for (SqlLexer.Token token : SqlLexer.tokens(sql)) {
			if (token.kind() == SqlLexer.Kind.PARAMETER) {
				highestPositional = Math.max(highestPositional,
						Math.min(SqlLexer.parameterNumber(sql, token), MAX_PARAMETER));
			}
		}
		for (int k = 0; k < sql.length(); k++) {
			char c = sql.charAt(k);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				// PostgreSQL reads \v and \f as white space, the JDBC driver does not: they would not agree on
				// where a literal starts
				diagnostics.add(source.diagnostic(base + k, "query " + name + " holds the control character U+"
						+ String.format("%04X", (int) c) + ", which PostgreSQL and the JDBC driver read differently: "
						+ "remove it (write it as E'\\x" + String.format("%02x", (int) c) + "' inside a string)"));
				return null;
			}
		}
		List<SqlLexer.Token> tokens = SqlLexer.tokens(sql);
		for (int t = 0; t < tokens.size(); t++) {
			SqlLexer.Token token = tokens.get(t);
			int i = token.start();
			if (token.kind() == SqlLexer.Kind.DOLLAR_STRING) {
				String tag = sql.substring(i, sql.indexOf('$', i + 1) + 1);
				if (tag.chars().anyMatch((ch) -> ch >= 0x80)) {
					diagnostics.add(source.diagnostic(base + i, "query " + name + ": the dollar quote " + tag
							+ " has a tag with characters outside ASCII, which the JDBC driver does not read as a "
							+ "quote: use an ASCII tag such as $q$"));
					return null;
				}
			}
			SqlLexer.Token following = (t + 1 < tokens.size()) ? tokens.get(t + 1) : null;
			if (token.dependsOnSettings()) {
				diagnostics.add(source.diagnostic(base + i, "query " + name + ": this string has a backslash right "
						+ "before a quote, so where it ends depends on standard_conforming_strings (off, the quote is "
						+ "escaped and the string goes on): write it as E'...' with \\' for a quote, or without the "
						+ "backslash"));
				return null;
			}
			if (token.kind() == SqlLexer.Kind.PARAMETER) {
				String text = token.text(sql);
				int index = SqlLexer.parameterNumber(sql, token);
				if (index < 0 && !text.substring(1).chars().allMatch(Character::isDigit)) {
					diagnostics.add(source.diagnostic(base + i, "parameter " + text + " in query " + name
							+ ": PostgreSQL reads a parameter number followed by letters or _ as another number or "
							+ "an error; write $n with a space or an operator after it"));
					return null;
				}
				if (index < 1 || index > MAX_PARAMETER) {
					diagnostics.add(source.diagnostic(base + i, "parameter " + text + " in query " + name
							+ " is out of range: PostgreSQL numbers parameters from $1 to $" + MAX_PARAMETER));
					return null;
				}
				parameters.putIfAbsent(index, new ParameterRef(index, null, false, base + i));
				appendParameter(pg, jdbc, offsets, slots, index, base + i, text.length());
				continue;
			}
			if (token.kind() == SqlLexer.Kind.IDENTIFIER) {
				String text = token.text(sql);
				int dollar = text.indexOf('$');
				if (dollar > 0 && text.charAt(dollar - 1) >= 0x80 && !Character.isJavaIdentifierPart(text.charAt(dollar - 1))) {
					// PostgreSQL reads this $ as part of an identifier, the JDBC driver as a dollar quote: they would
					// not agree on where the statement's parameters are
					diagnostics.add(source.diagnostic(base + i + dollar, "query " + name + ": a $ right after '"
							+ text.charAt(dollar - 1) + "' is read differently by PostgreSQL (part of a name) and by the "
							+ "JDBC driver (a dollar quote): put a space before it, or quote the name"));
					return null;
				}
				if (text.equalsIgnoreCase("sqlc") && sql.regionMatches(true, token.end(), ".slice(", 0, 7)) {
					int open = sql.indexOf('(', i);
					int close = sql.indexOf(')', open);
					String argument = macroArgument(sql, open, close);
					int after = t + 1;
					while (after < tokens.size() && tokens.get(after).start() <= close) {
						after++;
					}
					while (after < tokens.size() && tokens.get(after).insignificant()) {
						after++;
					}
					Matcher in = SLICE_CONTEXT.matcher(pg);
					boolean closed = after < tokens.size() && tokens.get(after).text(sql).equals(")");
					if (close < 0 || !PARAM_NAME.matcher(argument).matches() || !in.find() || !closed) {
						diagnostics.add(source.diagnostic(base + i, "sqlc.slice(...) in query " + name + " goes alone "
								+ "inside IN (...) with a name of letters, digits and underscores: write `column IN "
								+ "(sqlc.slice(ids))`, which dbkit sends as `column = ANY($n)` with a list parameter"));
						return null;
					}
					// x IN (sqlc.slice(ids)) becomes x = ANY($n), x NOT IN (...) x <> ALL($n): one array parameter,
					// whatever the list's length, and an empty list matches nothing (IN () is no SQL at all)
					boolean not = in.group(1) != null;
					int removed = pg.length() - in.start();
					pg.setLength(in.start());
					jdbc.setLength(jdbc.length() - removed);
					offsets.subList(offsets.size() - removed, offsets.size()).clear();
					String operator = not ? "<> ALL(" : "= ANY(";
					for (char c : operator.toCharArray()) {
						pg.append(c);
						jdbc.append(c);
						offsets.add(base + i);
					}
					named(argument, false, base + i, close + 1 - i, highestPositional, namedIndex, parameters, pg, jdbc,
							offsets, slots);
					t = after - 1; // the IN's closing parenthesis is copied as it is
					continue;
				}
				if (text.equalsIgnoreCase("sqlc") && sql.regionMatches(true, token.end(), ".embed(", 0, 7)) {
					int open = sql.indexOf('(', i);
					int close = sql.indexOf(')', open);
					String argument = macroArgument(sql, open, close);
					if (close < 0 || !PARAM_NAME.matcher(argument).matches()) {
						diagnostics.add(source.diagnostic(base + i, "malformed sqlc.embed(...) in query " + name
								+ ": write sqlc.embed(table) with the name or alias of a table of the query"));
						return null;
					}
					// sent as alias.*: the table's columns, read into a nested record
					embeds.add(new Query.Embed(argument, pg.length(), jdbc.length(), base + i));
					for (char c : (argument + ".*").toCharArray()) {
						pg.append(c);
						jdbc.append(c);
						offsets.add(base + i);
					}
					while (t + 1 < tokens.size() && tokens.get(t + 1).start() <= close) {
						t++;
					}
					continue;
				}
				if (text.equalsIgnoreCase("sqlc") && (sql.regionMatches(true, token.end(), ".arg(", 0, 5)
						|| sql.regionMatches(true, token.end(), ".narg(", 0, 6))) {
					boolean nullable = sql.regionMatches(true, token.end(), ".narg(", 0, 6);
					int open = sql.indexOf('(', i);
					int close = sql.indexOf(')', open);
					String argument = macroArgument(sql, open, close);
					if (close < 0 || !PARAM_NAME.matcher(argument).matches()) {
						diagnostics.add(source.diagnostic(base + i, "malformed " + sql.substring(i, open)
								+ "(...) in query " + name + ": write sqlc.arg(name) with a name of letters, digits and "
								+ "underscores"));
						return null;
					}
					named(argument, nullable, base + i, close + 1 - i, highestPositional, namedIndex, parameters, pg,
							jdbc, offsets, slots);
					while (t + 1 < tokens.size() && tokens.get(t + 1).start() <= close) {
						t++;
					}
					continue;
				}
			}
			if (token.kind() == SqlLexer.Kind.OTHER && sql.charAt(i) == '@' && following != null
					&& following.kind() == SqlLexer.Kind.IDENTIFIER && !Character.isDigit(sql.charAt(following.start()))
					&& (t == 0 || !tokens.get(t - 1).text(sql).equals("@"))) {
				String parameterName = following.text(sql);
				if (parameterName.indexOf('$') >= 0) {
					diagnostics.add(source.diagnostic(base + i, "named parameter @" + parameterName + " in query "
							+ name + ": a parameter name has letters, digits and underscores"));
					return null;
				}
				named(parameterName, false, base + i, following.end() - i, highestPositional, namedIndex, parameters,
						pg, jdbc, offsets,
						slots);
				t++;
				continue;
			}
			if (token.kind() == SqlLexer.Kind.OTHER && sql.charAt(i) == '?') {
				// A PostgreSQL operator (jsonb ?, ?|, ?&): pgjdbc reads ?? as a literal question mark. Right after a
				// placeholder, ??? would read as a literal and a placeholder: keep them apart.
				pg.append('?');
				offsets.add(base + i);
				if (jdbc.length() > 0 && jdbc.charAt(jdbc.length() - 1) == '?' && endsWithPlaceholder(jdbc)) {
					jdbc.append(' ');
				}
				jdbc.append("??");
				continue;
			}
			for (int k = i; k < token.end(); k++) {
				pg.append(sql.charAt(k));
				jdbc.append(sql.charAt(k));
				offsets.add(base + k);
			}
		}
		String driverReading = driverDisagreement(jdbc.toString(), slots.size());
		if (driverReading != null) {
			diagnostics.add(source.diagnostic(base, "query " + name + ": the JDBC driver would read this statement "
					+ "otherwise than PostgreSQL and dbkit do (" + driverReading + "), so what runs would not be what "
					+ "was checked: rewrite the literals, comments or dollar quotes that hold ; ? or $"));
			return null;
		}
		return new Query(source, name, command, headerOffset, sql, pg.toString(),
				offsets.stream().mapToInt(Integer::intValue).toArray(), jdbc.toString(),
				slots.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(parameters.values()),
				List.copyOf(javadoc), crossTenant, sideEffects, List.copyOf(embeds), stream);
	}

	private static void named(String parameterName, boolean nullable, int fileOffset, int length, int highestPositional,
			Map<String, Integer> namedIndex, TreeMap<Integer, ParameterRef> parameters, StringBuilder pg,
			StringBuilder jdbc, List<Integer> offsets, List<Integer> slots) {
		// after the highest $n of the query, as sqlc numbers them when a query mixes both styles
		int index = namedIndex.computeIfAbsent(parameterName.toLowerCase(Locale.ROOT),
				(key) -> highestPositional + namedIndex.size() + 1);
		ParameterRef existing = parameters.get(index);
		if (existing == null) {
			parameters.put(index, new ParameterRef(index, parameterName, nullable, fileOffset));
		}
		else if (nullable && !existing.nullable()) {
			parameters.put(index, new ParameterRef(index, existing.name(), true, existing.offset()));
		}
		appendParameter(pg, jdbc, offsets, slots, index, fileOffset, length);
	}

	private static void appendParameter(StringBuilder pg, StringBuilder jdbc, List<Integer> offsets,
			List<Integer> slots, int index, int fileOffset, int length) {
		String placeholder = "$" + index;
		pg.append(placeholder);
		for (int k = 0; k < placeholder.length(); k++) {
			offsets.add(fileOffset + Math.min(k, length - 1));
		}
		if (jdbc.length() > 0 && jdbc.charAt(jdbc.length() - 1) == '?') {
			jdbc.append(' '); // ?? would read as a literal question mark
		}
		jdbc.append('?');
		slots.add(index);
	}

	/**
	 * How pgjdbc, which sends the generated statement, would read its JDBC text, where that differs from dbkit's
	 * reading; {@code null} where they agree. They agree when pgjdbc's JDBC escape processing leaves the text alone
	 * ({@code {oj ...}}, {@code {fn ...}} outside literals would be rewritten, even across comments), and when pgjdbc
	 * turns it, with dbkit's settings statement before it and a statement after it (as generated code sends it),
	 * into exactly three statements, the middle one being the statement with every placeholder where dbkit put it.
	 */
	private static @Nullable String driverDisagreement(String jdbcSql, int placeholders) {
		try {
			if (!Parser.replaceProcessing(jdbcSql, true, true).equals(jdbcSql)) {
				return "its JDBC escape processing would rewrite { } in it: keep braces inside string literals";
			}
			String expected = expectedNative(jdbcSql);
			List<NativeQuery> alone = Parser.parseJdbcSql(jdbcSql, true, true, true, false, false);
			List<NativeQuery> framed = Parser.parseJdbcSql("SELECT 1;\n" + jdbcSql + "\n;SELECT 2", true, true, true,
					false, false);
			int bound = alone.stream().mapToInt((statement) -> statement.bindPositions.length).sum();
			if (alone.size() != 1 || bound != placeholders || !alone.get(0).nativeSql.strip().equals(expected.strip())
					|| framed.size() != 3 || !framed.get(1).nativeSql.strip().equals(expected.strip())
					|| !framed.get(2).nativeSql.strip().equals("SELECT 2")) {
				return alone.size() + " statement(s) with " + bound + " placeholder(s), where dbkit reads one with "
						+ placeholders + ((alone.size() == 1 && bound == placeholders) ? ", at other places" : "");
			}
			return null;
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	/** The text pgjdbc should send for dbkit's JDBC text: its placeholders as $1, $2, ..., {@code ??} as {@code ?}. */
	private static String expectedNative(String jdbcSql) {
		// runs of ? in code: pairs are a literal ?, an odd one left over is a placeholder
		int placeholder = 0;
		StringBuilder result = new StringBuilder(jdbcSql.length());
		String marked = jdbcSql;
		List<SqlLexer.Token> tokens = SqlLexer.tokens(marked);
		for (int t = 0; t < tokens.size(); t++) {
			SqlLexer.Token token = tokens.get(t);
			if (token.kind() == SqlLexer.Kind.OTHER && marked.charAt(token.start()) == '?') {
				int run = 0;
				while (t < tokens.size() && tokens.get(t).kind() == SqlLexer.Kind.OTHER
						&& marked.charAt(tokens.get(t).start()) == '?') {
					run++;
					t++;
				}
				t--;
				result.append("?".repeat(run / 2));
				if (run % 2 == 1) {
					result.append('$').append(++placeholder);
				}
			}
			else {
				result.append(token.text(marked));
			}
		}
		return result.toString();
	}

	/**
	 * The name between a macro's parentheses ({@code sqlc.arg(name)}, {@code sqlc.slice('name')}), unquoted; empty
	 * when the macro is not closed.
	 */
	private static String macroArgument(String sql, int open, int close) {
		String argument = (close < 0) ? "" : sql.substring(open + 1, close).strip();
		if (argument.length() >= 2 && (argument.charAt(0) == '\'' || argument.charAt(0) == '"')) {
			argument = argument.substring(1, argument.length() - 1);
		}
		return argument;
	}

	/** Whether the JDBC text ends with a placeholder rather than an escaped literal question mark. */
	private static boolean endsWithPlaceholder(StringBuilder jdbc) {
		int marks = 0;
		for (int k = jdbc.length() - 1; k >= 0 && jdbc.charAt(k) == '?'; k--) {
			marks++;
		}
		return marks % 2 == 1;
	}

	private static String lineText(SourceText source, int line) {
		int start = source.lineStarts()[line];
		int end = (line + 1 < source.lineStarts().length) ? source.lineStarts()[line + 1] - 1 : source.text().length();
		String text = source.text().substring(start, Math.max(start, end));
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

}
