package dev.dbkit.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons.
 * <p>
 * Semicolons inside string literals ({@code '...'}, {@code E'...'}), quoted identifiers, line and (nested) block
 * comments and dollar-quoted bodies ({@code $tag$...$tag$}) do not end a statement. Statements that hold nothing but
 * comments and white space are dropped.
 */
public final class SqlScriptSplitter {

	private SqlScriptSplitter() {
	}

	public static List<SqlStatement> split(String script) {
		List<SqlStatement> statements = new ArrayList<>();
		int length = script.length();
		int start = -1; // offset of the first significant character of the current statement
		int i = 0;
		while (i < length) {
			char c = script.charAt(i);
			char next = (i + 1 < length) ? script.charAt(i + 1) : '\0';
			if (c == '-' && next == '-') {
				i = SqlLexing.skipLineComment(script, i);
				continue;
			}
			if (c == '/' && next == '*') {
				i = SqlLexing.skipBlockComment(script, i);
				continue;
			}
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			if (c == ';') {
				if (start >= 0) {
					statements.add(statement(script, start, i));
					start = -1;
				}
				i++;
				continue;
			}
			if (start < 0) {
				start = i;
			}
			if (c == '\'') {
				i = SqlLexing.skipQuoted(script, i, '\'', SqlLexing.isEscapeString(script, i));
			}
			else if (c == '"') {
				i = SqlLexing.skipQuoted(script, i, '"', false);
			}
			else if (c == '$' && (i == 0 || !SqlLexing.isIdentifierPart(script.charAt(i - 1)))) {
				i = SqlLexing.skipDollarQuoted(script, i);
			}
			else {
				i++;
			}
		}
		if (start >= 0) {
			statements.add(statement(script, start, trimEnd(script, start, length)));
		}
		return statements;
	}

	private static SqlStatement statement(String script, int start, int end) {
		String sql = script.substring(start, trimEnd(script, start, end));
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < start; i++) {
			if (script.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new SqlStatement(sql, start, line, start - lineStart + 1);
	}

	private static int trimEnd(String script, int start, int end) {
		int e = end;
		while (e > start && Character.isWhitespace(script.charAt(e - 1))) {
			e--;
		}
		return e;
	}

}
