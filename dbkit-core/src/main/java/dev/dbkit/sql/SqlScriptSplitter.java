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
				i = skipLineComment(script, i);
				continue;
			}
			if (c == '/' && next == '*') {
				i = skipBlockComment(script, i);
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
				boolean backslashEscapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
						&& (i < 2 || !isIdentifierPart(script.charAt(i - 2)));
				i = skipQuoted(script, i, '\'', backslashEscapes);
			}
			else if (c == '"') {
				i = skipQuoted(script, i, '"', false);
			}
			else if (c == '$' && (i == 0 || !isIdentifierPart(script.charAt(i - 1)))) {
				i = skipDollarQuoted(script, i);
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

	private static int skipLineComment(String s, int i) {
		int newline = s.indexOf('\n', i);
		return (newline < 0) ? s.length() : newline + 1;
	}

	private static int skipBlockComment(String s, int i) {
		int depth = 0;
		int j = i;
		while (j < s.length()) {
			if (s.startsWith("/*", j)) {
				depth++;
				j += 2;
			}
			else if (s.startsWith("*/", j)) {
				depth--;
				j += 2;
				if (depth == 0) {
					return j;
				}
			}
			else {
				j++;
			}
		}
		return s.length();
	}

	private static int skipQuoted(String s, int i, char quote, boolean backslashEscapes) {
		int j = i + 1;
		while (j < s.length()) {
			char c = s.charAt(j);
			if (backslashEscapes && c == '\\') {
				j += 2;
				continue;
			}
			if (c == quote) {
				if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
					j += 2; // doubled quote
					continue;
				}
				return j + 1;
			}
			j++;
		}
		return s.length();
	}

	private static int skipDollarQuoted(String s, int i) {
		int j = i + 1;
		while (j < s.length() && isIdentifierPart(s.charAt(j)) && !Character.isDigit(s.charAt(i + 1))) {
			j++;
		}
		if (j >= s.length() || s.charAt(j) != '$') {
			return i + 1; // a positional parameter such as $1, not a dollar quote
		}
		String tag = s.substring(i, j + 1);
		int close = s.indexOf(tag, j + 1);
		return (close < 0) ? s.length() : close + tag.length();
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

}
