package dev.dbkit.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's lexical rules (its {@code scan.l}), as far as they decide where text is code and where it is a
 * literal, a quoted identifier, a comment, a dollar-quoted body or a parameter. Every reader of SQL in dbkit (the
 * script splitter, the query-file parser, the build's own checks) goes through this one lexer, and
 * {@code SqlLexerDifferentialTests} holds it to the server's reading of generated inputs.
 * <p>
 * Where PostgreSQL's reading depends on a setting, the lexer reads as the settings dbkit requires
 * ({@code standard_conforming_strings = on}) and marks the tokens whose extent would change otherwise
 * ({@link Token#dependsOnSettings()}), so that callers can refuse them.
 */
public final class SqlLexer {

	/** What a token is. */
	public enum Kind {

		/** spaces, tabs, line breaks (PostgreSQL's {@code [ \t\n\r\f\v]}) */
		WHITESPACE,
		/** {@code --} up to, not including, the next {@code \n} or {@code \r} */
		LINE_COMMENT,
		/** {@code /* ... *}{@code /}, nested */
		BLOCK_COMMENT,
		/** {@code '...'}, {@code E'...'}, {@code N'...'}, {@code B'...'}, {@code X'...'}, {@code U&'...'} */
		STRING,
		/** {@code "..."}, {@code U&"..."} */
		QUOTED_IDENTIFIER,
		/** {@code $$...$$}, {@code $tag$...$tag$} */
		DOLLAR_STRING,
		/** {@code $1}; {@link SqlLexer#parameterNumber} */
		PARAMETER,
		/** a name or key word: a letter, {@code _} or non-ASCII character, then those, digits and {@code $} */
		IDENTIFIER,
		/** a numeric constant */
		NUMBER,
		/** {@code ;} */
		SEMICOLON,
		/** any other single character (operators, punctuation) */
		OTHER

	}

	/**
	 * One token.
	 *
	 * @param kind what it is
	 * @param start offset of its first character
	 * @param end offset just past it (the end of the text when a literal or comment is not closed)
	 * @param closed whether a literal, quoted identifier or block comment is closed
	 * @param dependsOnSettings whether PostgreSQL would end it elsewhere with {@code standard_conforming_strings =
	 * off} (a standard string with a backslash right before a quote)
	 */
	public record Token(Kind kind, int start, int end, boolean closed, boolean dependsOnSettings) {

		public String text(String sql) {
			return sql.substring(this.start, this.end);
		}

		/** Whether it is white space or a comment: nothing to PostgreSQL's grammar. */
		public boolean insignificant() {
			return this.kind == Kind.WHITESPACE || this.kind == Kind.LINE_COMMENT || this.kind == Kind.BLOCK_COMMENT;
		}

	}

	private SqlLexer() {
	}

	/** The tokens of the text that PostgreSQL's grammar sees: no white space, no comments. */
	public static List<Token> significantTokens(String sql) {
		List<Token> significant = new ArrayList<>();
		for (Token token : tokens(sql)) {
			if (!token.insignificant()) {
				significant.add(token);
			}
		}
		return significant;
	}

	/** The tokens of the text, which cover it without gaps. */
	public static List<Token> tokens(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < sql.length()) {
			Token token = next(sql, i);
			tokens.add(token);
			i = token.end();
		}
		return tokens;
	}

	/** The token that starts at {@code i}. */
	public static Token next(String s, int i) {
		char c = s.charAt(i);
		char next = at(s, i + 1);
		if (isWhitespace(c)) {
			int j = i + 1;
			while (j < s.length() && isWhitespace(s.charAt(j))) {
				j++;
			}
			return token(Kind.WHITESPACE, i, j);
		}
		if (c == '-' && next == '-') {
			int j = i + 2;
			while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
				j++;
			}
			return token(Kind.LINE_COMMENT, i, j);
		}
		if (c == '/' && next == '*') {
			return blockComment(s, i);
		}
		if (c == '\'') {
			return quoted(s, i, i, Kind.STRING, false);
		}
		if (c == '"') {
			return quoted(s, i, i, Kind.QUOTED_IDENTIFIER, false);
		}
		if (c == '$') {
			return dollar(s, i);
		}
		if (c == ';') {
			return token(Kind.SEMICOLON, i, i + 1);
		}
		if (isDigit(c) || (c == '.' && isDigit(next))) {
			int j = i + 1;
			while (j < s.length() && (isTagPart(s.charAt(j)) || s.charAt(j) == '.')) {
				j++;
			}
			return token(Kind.NUMBER, i, j);
		}
		if (isIdentifierStart(c)) {
			// a one-letter prefix right before a quote makes a literal of another kind: E'', N'', B'', X'', U&''
			if (next == '\'' && (c == 'e' || c == 'E')) {
				return quoted(s, i, i + 1, Kind.STRING, true);
			}
			if (next == '\'' && "nNbBxX".indexOf(c) >= 0) {
				return quoted(s, i, i + 1, Kind.STRING, false);
			}
			if ((c == 'u' || c == 'U') && next == '&' && (at(s, i + 2) == '\'' || at(s, i + 2) == '"')) {
				return quoted(s, i, i + 2, (at(s, i + 2) == '\'') ? Kind.STRING : Kind.QUOTED_IDENTIFIER, false);
			}
			int j = i + 1;
			while (j < s.length() && isIdentifierPart(s.charAt(j))) {
				j++;
			}
			return token(Kind.IDENTIFIER, i, j);
		}
		return token(Kind.OTHER, i, i + 1);
	}

	/**
	 * The number of a {@link Kind#PARAMETER} token ({@code $12} is 12), or -1 when it is not plain digits
	 * ({@code $1_0}, {@code $1a}) or does not fit an int.
	 */
	public static int parameterNumber(String sql, Token token) {
		String digits = sql.substring(token.start() + 1, token.end());
		for (int k = 0; k < digits.length(); k++) {
			if (!isDigit(digits.charAt(k))) {
				return -1;
			}
		}
		return (digits.length() <= 9) ? Integer.parseInt(digits) : -1;
	}

	private static Token blockComment(String s, int i) {
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
					return new Token(Kind.BLOCK_COMMENT, i, j, true, false);
				}
			}
			else {
				j++;
			}
		}
		return new Token(Kind.BLOCK_COMMENT, i, s.length(), false, false);
	}

	/**
	 * A quoted literal or identifier whose opening quote is at {@code quote} (after a prefix such as {@code E}); a
	 * doubled quote stands for one, and with {@code backslashEscapes} a backslash escapes the next character. A
	 * literal that ends, is followed by white space with a line break and another quote, continues there (SQL's
	 * string continuation); the lexer keeps that as two tokens, which bound the same text.
	 */
	private static Token quoted(String s, int start, int quote, Kind kind, boolean backslashEscapes) {
		char q = s.charAt(quote);
		boolean dependsOnSettings = false;
		int backslashes = 0;
		int j = quote + 1;
		while (j < s.length()) {
			char c = s.charAt(j);
			if (backslashEscapes && c == '\\') {
				j += 2;
				continue;
			}
			if (c == q) {
				if (q == '\'' && !backslashEscapes && (backslashes & 1) == 1) {
					// with standard_conforming_strings off, this quote would be escaped and the string go on
					dependsOnSettings = true;
				}
				if (at(s, j + 1) == q) {
					j += 2;
					backslashes = 0;
					continue;
				}
				return new Token(kind, start, j + 1, true, dependsOnSettings);
			}
			backslashes = (c == '\\') ? backslashes + 1 : 0;
			j++;
		}
		return new Token(kind, start, s.length(), false, dependsOnSettings);
	}

	/** {@code $1} (a parameter), {@code $tag$...$tag$} (a dollar-quoted string) or a lone {@code $}. */
	private static Token dollar(String s, int i) {
		if (isDigit(at(s, i + 1))) {
			int j = i + 1;
			while (j < s.length() && isDigit(s.charAt(j))) {
				j++;
			}
			// PostgreSQL reads $1_000 as $1000 and $1abc as an error: one token, with no number
			while (j < s.length() && isTagPart(s.charAt(j))) {
				j++;
			}
			return token(Kind.PARAMETER, i, j);
		}
		int j = i + 1;
		if (j < s.length() && isIdentifierStart(s.charAt(j))) {
			while (j < s.length() && isTagPart(s.charAt(j))) {
				j++;
			}
		}
		if (at(s, j) != '$') {
			return token(Kind.OTHER, i, i + 1);
		}
		String tag = s.substring(i, j + 1);
		int close = s.indexOf(tag, j + 1);
		return (close < 0) ? new Token(Kind.DOLLAR_STRING, i, s.length(), false, false)
				: new Token(Kind.DOLLAR_STRING, i, close + tag.length(), true, false);
	}

	private static Token token(Kind kind, int start, int end) {
		return new Token(kind, start, end, true, false);
	}

	private static char at(String s, int i) {
		return (i < s.length()) ? s.charAt(i) : '\0';
	}

	/** PostgreSQL's {@code space}: {@code [ \t\n\r\f\v]}, and nothing else (no Unicode spaces). */
	public static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** PostgreSQL's {@code ident_start}: a letter, {@code _} or any character outside ASCII. */
	public static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	/** PostgreSQL's {@code ident_cont}: {@code ident_start}, digits and {@code $}. */
	public static boolean isIdentifierPart(char c) {
		return isTagPart(c) || c == '$';
	}

	/** PostgreSQL's {@code dolq_cont}: {@code ident_start} and digits, no {@code $}. */
	public static boolean isTagPart(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

}
