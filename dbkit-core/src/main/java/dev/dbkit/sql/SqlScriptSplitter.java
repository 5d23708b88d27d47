package dev.dbkit.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons.
 * <p>
 * Semicolons inside string literals ({@code '...'}, {@code E'...'}), quoted identifiers, line and (nested) block
 * comments and dollar-quoted bodies ({@code $tag$...$tag$}) do not end a statement, as {@link SqlLexer} reads them.
 * Statements that hold nothing but comments and white space are dropped.
 */
public final class SqlScriptSplitter {

	private SqlScriptSplitter() {
	}

	public static List<SqlStatement> split(String script) {
		List<SqlStatement> statements = new ArrayList<>();
		int start = -1; // offset of the first significant token of the current statement
		for (SqlLexer.Token token : SqlLexer.tokens(script)) {
			if (token.kind() == SqlLexer.Kind.SEMICOLON) {
				if (start >= 0) {
					statements.add(statement(script, start, token.start()));
					start = -1;
				}
			}
			else if (start < 0 && !token.insignificant()) {
				start = token.start();
			}
		}
		if (start >= 0) {
			statements.add(statement(script, start, script.length()));
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
		while (e > start && SqlLexer.isWhitespace(script.charAt(e - 1))) {
			e--;
		}
		return e;
	}

}
