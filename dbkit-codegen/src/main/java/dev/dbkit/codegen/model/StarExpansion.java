package dev.dbkit.codegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.analyze.AnalyzedQuery;
import dev.dbkit.codegen.analyze.Catalog;
import dev.dbkit.codegen.parse.Query;
import dev.dbkit.sql.SqlLexer;

/**
 * Writes the columns a top-level {@code SELECT *} or {@code RETURNING *} meant when the query was generated, as sqlc
 * does: generated readers read by position, so a column that a newer migration adds or drops while older instances
 * still run (a rolling deploy) must not shift what they read. Only a star that stands for exactly one table's
 * columns is expanded (the result is that table's row); a star over a join, {@code t.*} or a star among other
 * expressions is left as written.
 */
final class StarExpansion {

	private StarExpansion() {
	}

	/** The JDBC text with its one top-level star replaced by the table's columns, or the text unchanged. */
	static String expand(String jdbcSql, Catalog.@Nullable Table table) {
		if (table == null) {
			return jdbcSql;
		}
		List<SqlLexer.Token> tokens = SqlLexer.tokens(jdbcSql);
		int depth = 0;
		int star = -1;
		for (int t = 0; t < tokens.size(); t++) {
			SqlLexer.Token token = tokens.get(t);
			String text = token.text(jdbcSql);
			if (token.kind() != SqlLexer.Kind.OTHER) {
				continue;
			}
			depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
			if (depth == 0 && text.equals("*") && startsSelectList(jdbcSql, tokens, t)
					&& endsSelectList(jdbcSql, tokens, t)) {
				if (star >= 0) {
					return jdbcSql; // two stars: not one table's row
				}
				star = t;
			}
		}
		if (star < 0) {
			return jdbcSql;
		}
		String columns = table.columns()
			.stream()
			.map((column) -> quote(column.name()))
			.collect(Collectors.joining(", "));
		SqlLexer.Token token = tokens.get(star);
		return jdbcSql.substring(0, token.start()) + columns + jdbcSql.substring(token.end());
	}

	/**
	 * The text with each {@code alias.*} of its one top-level select list written out as {@code alias."column", ...}
	 * where the result has that table's columns in its place; unchanged where a bare {@code *} makes the places
	 * uncountable. (A bare star over a join is sent as written.)
	 */
	static String expandQualified(String sql, List<AnalyzedQuery.Column> columns) {
		List<SqlLexer.Token> tokens = SqlLexer.significantTokens(sql);
		int select = onlySelectList(sql, tokens);
		if (select < 0) {
			return sql;
		}
		StringBuilder out = new StringBuilder(sql);
		List<int[]> replacements = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		int column = 0;
		int itemStart = select + 1;
		int depth = 0;
		for (int t = select + 1; t <= tokens.size(); t++) {
			String text = (t < tokens.size()) ? tokens.get(t).text(sql) : "";
			boolean end = t == tokens.size() || (depth == 0 && tokens.get(t).kind() == SqlLexer.Kind.IDENTIFIER
					&& CLAUSES.contains(text.toUpperCase(Locale.ROOT)));
			if (!end) {
				depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
			}
			if (end || (depth == 0 && text.equals(","))) {
				int length = t - itemStart;
				if (length == 1 && tokens.get(itemStart).text(sql).equals("*")) {
					return sql; // a bare star: the places of what follows are not countable here
				}
				boolean qualified = length == 3 && tokens.get(itemStart + 1).text(sql).equals(".")
						&& tokens.get(itemStart + 2).text(sql).equals("*");
				if (qualified && column < columns.size() && columns.get(column).table() != null) {
					Catalog.Table table = columns.get(column).table();
					int width = table.columns().size();
					if (column + width > columns.size()) {
						return sql;
					}
					for (int k = 0; k < width; k++) {
						AnalyzedQuery.Column c = columns.get(column + k);
						if (c.table() != table || c.attnum() != table.columns().get(k).attnum()
								|| !c.label().equals(table.columns().get(k).name())) {
							return sql;
						}
					}
					String alias = tokens.get(itemStart).text(sql);
					replacements.add(new int[] { tokens.get(itemStart).start(), tokens.get(itemStart + 2).end() });
					texts.add(table.columns()
						.stream()
						.map((c) -> alias + "." + quote(c.name()))
						.collect(Collectors.joining(", ")));
					column += width;
				}
				else if (qualified) {
					return sql;
				}
				else {
					column++;
				}
				if (end) {
					break;
				}
				itemStart = t + 1;
			}
		}
		if (column != columns.size()) {
			return sql;
		}
		for (int r = replacements.size() - 1; r >= 0; r--) {
			out.replace(replacements.get(r)[0], replacements.get(r)[1], texts.get(r));
		}
		return out.toString();
	}

	/**
	 * The text with a bare {@code SELECT *} over joined tables written out as {@code alias."column", ...}, table by
	 * table, where the result is each table's whole row in the order of the FROM clause; unchanged where that cannot
	 * be read off (a subquery in FROM, a table joined twice, {@code USING} or {@code NATURAL} merging columns).
	 */
	static String expandJoin(String sql, List<AnalyzedQuery.Column> columns) {
		List<SqlLexer.Token> tokens = SqlLexer.significantTokens(sql);
		int select = onlySelectList(sql, tokens);
		int from = select + 2;
		if (select < 0 || from >= tokens.size() || !tokens.get(select + 1).text(sql).equals("*")
				|| !tokens.get(from).text(sql).equalsIgnoreCase("FROM")) {
			return sql;
		}
		// the FROM clause's tables and their aliases
		java.util.Map<String, String> aliases = new java.util.HashMap<>();
		for (int t = from + 1; t < tokens.size(); t++) {
			SqlLexer.Token token = tokens.get(t);
			String text = token.text(sql).toUpperCase(Locale.ROOT);
			if (text.equals("(")) {
				return sql; // a subquery or parenthesized join
			}
			if (token.kind() == SqlLexer.Kind.IDENTIFIER && CLAUSES.contains(text)) {
				break;
			}
			if (text.equals("USING") || text.equals("NATURAL")) {
				return sql;
			}
			String previous = tokens.get(t - 1).text(sql).toUpperCase(Locale.ROOT);
			boolean relation = (token.kind() == SqlLexer.Kind.IDENTIFIER
					|| token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER) && !JOIN_WORDS.contains(text)
					&& (t == from + 1 || previous.equals(",") || previous.equals("JOIN"));
			if (!relation) {
				continue;
			}
			int end = t;
			while (end + 2 < tokens.size() && tokens.get(end + 1).text(sql).equals(".")) {
				end += 2;
			}
			String name = unquote(tokens.get(end).text(sql));
			String alias = tokens.get(end).text(sql);
			int next = end + 1;
			if (next < tokens.size() && tokens.get(next).text(sql).equalsIgnoreCase("AS")) {
				next++;
			}
			if (next < tokens.size() && (tokens.get(next).kind() == SqlLexer.Kind.IDENTIFIER
					|| tokens.get(next).kind() == SqlLexer.Kind.QUOTED_IDENTIFIER)
					&& !JOIN_WORDS.contains(tokens.get(next).text(sql).toUpperCase(Locale.ROOT))
					&& !CLAUSES.contains(tokens.get(next).text(sql).toUpperCase(Locale.ROOT))) {
				alias = tokens.get(next).text(sql);
			}
			if (aliases.put(name, alias) != null) {
				return sql; // one table twice: which alias is which is not read off here
			}
			t = end;
		}
		List<String> written = new ArrayList<>();
		for (int c = 0; c < columns.size();) {
			Catalog.Table table = columns.get(c).table();
			String alias = (table != null) ? aliases.get(table.name()) : null;
			if (alias == null || c + table.columns().size() > columns.size()) {
				return sql;
			}
			for (int k = 0; k < table.columns().size(); k++) {
				AnalyzedQuery.Column column = columns.get(c + k);
				Catalog.Column declared = table.columns().get(k);
				if (column.table() != table || column.attnum() != declared.attnum()
						|| !column.label().equals(declared.name())) {
					return sql;
				}
				written.add(alias + "." + quote(declared.name()));
			}
			c += table.columns().size();
		}
		SqlLexer.Token star = tokens.get(select + 1);
		return sql.substring(0, star.start()) + String.join(", ", written) + sql.substring(star.end());
	}

	private static String unquote(String name) {
		return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
				: name.toLowerCase(Locale.ROOT);
	}

	/** Key words of a FROM clause that are no table's name. */
	private static final java.util.Set<String> JOIN_WORDS = java.util.Set.of("JOIN", "INNER", "LEFT", "RIGHT",
			"FULL", "OUTER", "CROSS", "ON", "LATERAL", "AND", "OR", "NOT", "ONLY");

	/**
	 * The SELECT or RETURNING of the statement's one top-level select list, or -1 when it has none or several (a set
	 * operation, an {@code INSERT ... SELECT ... RETURNING}).
	 */
	private static int onlySelectList(String sql, List<SqlLexer.Token> tokens) {
		int depth = 0;
		int select = -1;
		for (int t = 0; t < tokens.size(); t++) {
			String text = tokens.get(t).text(sql);
			depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
			if (depth == 0 && tokens.get(t).kind() == SqlLexer.Kind.IDENTIFIER
					&& (text.equalsIgnoreCase("SELECT") || text.equalsIgnoreCase("RETURNING"))) {
				if (select >= 0) {
					return -1;
				}
				select = t;
			}
		}
		return select;
	}

	/** Key words that end a select list. */
	private static final java.util.Set<String> CLAUSES = java.util.Set.of("FROM", "WHERE", "GROUP", "HAVING", "WINDOW",
			"ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "UNION", "INTERSECT", "EXCEPT", "INTO");

	/** The JDBC (or PostgreSQL) text with each embed's {@code alias.*} written out as {@code alias."column", ...}. */
	static String expandEmbeds(String text, List<Query.Embed> embeds, List<MethodModel.Embedded> tables,
			boolean jdbc) {
		StringBuilder sql = new StringBuilder(text);
		for (int e = embeds.size() - 1; e >= 0; e--) {
			Query.Embed embed = embeds.get(e);
			String alias = embed.alias();
			String columns = tables.get(e)
				.columnNames()
				.stream()
				.map((column) -> alias + "." + quote(column))
				.collect(Collectors.joining(", "));
			int position = jdbc ? embed.jdbcPosition() : embed.position();
			sql.replace(position, position + alias.length() + 2, columns);
		}
		return sql.toString();
	}

	/** Whether the star comes right after SELECT, SELECT DISTINCT, SELECT ALL or RETURNING. */
	private static boolean startsSelectList(String sql, List<SqlLexer.Token> tokens, int star) {
		String previous = significant(sql, tokens, star, -1);
		if (previous.equals("DISTINCT") || previous.equals("ALL")) {
			int before = star - 1;
			while (before >= 0 && !tokens.get(before).text(sql).toUpperCase(Locale.ROOT).equals(previous)) {
				before--;
			}
			previous = significant(sql, tokens, before, -1);
		}
		return previous.equals("SELECT") || previous.equals("RETURNING");
	}

	/** Whether the star is the whole list: FROM, the statement's end or another clause follows, not a comma. */
	private static boolean endsSelectList(String sql, List<SqlLexer.Token> tokens, int star) {
		String next = significant(sql, tokens, star, +1);
		return next.isEmpty() || next.equals("FROM") || next.equals(";") || next.equals("WHERE")
				|| next.equals("ORDER") || next.equals("LIMIT") || next.equals("UNION") || next.equals(")");
	}

	private static String significant(String sql, List<SqlLexer.Token> tokens, int from, int step) {
		for (int t = from + step; t >= 0 && t < tokens.size(); t += step) {
			if (!tokens.get(t).insignificant()) {
				return tokens.get(t).text(sql).toUpperCase(Locale.ROOT);
			}
		}
		return "";
	}

	/** Always quoted: a column may be named like a key word ({@code "order"}). */
	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
