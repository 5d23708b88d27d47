package dev.dbkit.sql;

/**
 * The lexical rules that decide where PostgreSQL text is code and where it is a literal, a quoted identifier, a
 * comment or a dollar-quoted body. Each method takes the offset of the opening character and returns the offset just
 * past the construct (the end of the text when it is not closed).
 */
public final class SqlLexing {

	private SqlLexing() {
	}

	/** {@code -- ...} up to and including the newline. */
	public static int skipLineComment(String s, int i) {
		int newline = s.indexOf('\n', i);
		return (newline < 0) ? s.length() : newline + 1;
	}

	/** {@code /* ... *}{@code /}, nested as PostgreSQL nests them. */
	public static int skipBlockComment(String s, int i) {
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

	/**
	 * A string literal ({@code '...'}) or quoted identifier ({@code "..."}) where a doubled quote stands for one;
	 * with {@code backslashEscapes} (an {@code E'...'} string) a backslash escapes the next character.
	 */
	public static int skipQuoted(String s, int i, char quote, boolean backslashEscapes) {
		int j = i + 1;
		while (j < s.length()) {
			char c = s.charAt(j);
			if (backslashEscapes && c == '\\') {
				j += 2;
				continue;
			}
			if (c == quote) {
				if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
					j += 2;
					continue;
				}
				return j + 1;
			}
			j++;
		}
		return s.length();
	}

	/** Whether the {@code '} at {@code i} opens an {@code E'...'} string with backslash escapes. */
	public static boolean isEscapeString(String s, int i) {
		return i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
				&& (i < 2 || !isIdentifierPart(s.charAt(i - 2)));
	}

	/**
	 * A dollar-quoted body ({@code $$...$$}, {@code $tag$...$tag$}); a {@code $} that opens none (such as the
	 * parameter {@code $1}) is one character.
	 */
	public static int skipDollarQuoted(String s, int i) {
		int j = i + 1;
		while (j < s.length() && isTagPart(s.charAt(j)) && !Character.isDigit(s.charAt(i + 1))) {
			j++;
		}
		if (j >= s.length() || s.charAt(j) != '$') {
			return i + 1;
		}
		String tag = s.substring(i, j + 1);
		int close = s.indexOf(tag, j + 1);
		return (close < 0) ? s.length() : close + tag.length();
	}

	/**
	 * Whether PostgreSQL's scanner reads the character as part of an identifier: letters, digits, {@code _},
	 * {@code $} and every character outside ASCII (its {@code ident_cont}). {@code task€$$} is one identifier, not
	 * {@code task€} and a dollar quote.
	 */
	public static boolean isIdentifierPart(char c) {
		return isTagPart(c) || c == '$';
	}

	/** Whether the character can be part of a dollar-quote tag (PostgreSQL's {@code dolq_cont}: no {@code $}). */
	public static boolean isTagPart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
	}

}
