package dev.dbkit.codegen.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reading the expressions PostgreSQL prints in a verbose plan (for nullability): column references, parameters, and whether
 * an expression can be null.
 */
final class Expressions {

	private static final Pattern COLUMN_REF = Pattern
		.compile("\"?([A-Za-z_][A-Za-z0-9_$]*|\\*VALUES\\*)\"?\\.\"?([A-Za-z_][A-Za-z0-9_$]*)\"?(?:::[a-z0-9_ \\[\\]\".]+)?");

	private static final Pattern PARAM = Pattern.compile("\\$(\\d+)(?:::[a-z0-9_ \\[\\]\".]+)?");

	private static final Pattern LITERAL = Pattern
		.compile("('(?:[^']|'')*'(?:::[a-z0-9_ \\[\\]\".()]+)?|-?\\d+(?:\\.\\d+)?(?:::[a-z0-9_ ]+)?|true|false)");

	private static final Pattern NON_NULL_FUNCTION = Pattern
		.compile("(count|row_number|rank|dense_rank|percent_rank|cume_dist|ntile)\\(.*", Pattern.DOTALL);

	private Expressions() {
	}

	/** Removes parentheses that wrap the whole expression. */
	static String strip(String expression) {
		String e = expression.strip();
		while (e.startsWith("(") && closingParen(e, 0) == e.length() - 1) {
			e = e.substring(1, e.length() - 1).strip();
		}
		return e;
	}

	/** The parameter number when the expression is {@code $n} (cast or not). */
	static @Nullable Integer parameter(String expression) {
		Matcher m = PARAM.matcher(strip(expression));
		return m.matches() ? Integer.valueOf(m.group(1)) : null;
	}

	/** The alias and column when the expression is a column reference (cast or not), else {@code null}. */
	static String @Nullable [] columnRef(String expression) {
		String e = strip(expression);
		// (alias.column)::type prints with the reference in parentheses
		if (e.startsWith("(")) {
			int close = closingParen(e, 0);
			if (close > 0 && e.substring(close + 1).matches("::[a-z0-9_ \\[\\]\".]+")) {
				e = strip(e.substring(0, close + 1));
			}
		}
		Matcher m = COLUMN_REF.matcher(e);
		return m.matches() ? new String[] { m.group(1), m.group(2) } : null;
	}

	private static final Pattern BARE_COLUMN = Pattern
		.compile("\\(?\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\)?(?:::[a-z0-9_ \\[\\]\".]+)?");

	/** The column name when the expression is an unqualified column (cast or not), else {@code null}. */
	static @Nullable String bareColumn(String expression) {
		String e = strip(expression);
		Matcher m = BARE_COLUMN.matcher(e);
		if (!m.matches() || isLiteral(e)) {
			return null;
		}
		String name = m.group(1);
		return (name.equalsIgnoreCase("null") || name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) ? null
				: name;
	}

	static boolean isLiteral(String expression) {
		String e = strip(expression);
		return LITERAL.matcher(e).matches() && !e.equalsIgnoreCase("NULL");
	}

	/** Whether an expression is known to be non-null without looking at columns. */
	static boolean isNonNullExpression(String expression) {
		String e = strip(expression);
		String lower = e.toLowerCase(Locale.ROOT);
		return isLiteral(e) || NON_NULL_FUNCTION.matcher(lower).matches() || lower.startsWith("exists(")
				|| lower.startsWith("(exists(") || lower.startsWith("not (exists(") || lower.startsWith("(hashed subplan")
				|| lower.startsWith("hashed subplan");
	}

	/** The arguments of {@code COALESCE(...)}, or {@code null} when the expression is not one. */
	static @Nullable List<String> coalesceArguments(String expression) {
		String e = strip(expression);
		if (!e.regionMatches(true, 0, "COALESCE(", 0, 9) || closingParen(e, 8) != e.length() - 1) {
			return null;
		}
		return splitTopLevel(e.substring(9, e.length() - 1), ",");
	}

	/** The parts of {@code text} between occurrences of {@code separator} outside parentheses and literals. */
	static List<String> splitTopLevel(String text, String separator) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int index : topLevel(text, separator)) {
			parts.add(text.substring(start, index).strip());
			start = index + separator.length();
		}
		parts.add(text.substring(start).strip());
		return parts;
	}

	/** Where {@code separator} occurs outside parentheses, brackets and string literals. */
	private static List<Integer> topLevel(String text, String separator) {
		List<Integer> found = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '[')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == ']')) {
				depth--;
			}
			else if (!quoted && depth == 0 && text.startsWith(separator, i)) {
				found.add(i);
				i += separator.length() - 1;
			}
		}
		return found;
	}

	private static int closingParen(String e, int open) {
		int depth = 0;
		boolean quoted = false;
		for (int i = open; i < e.length(); i++) {
			char c = e.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

}
