package dev.dbkit.codegen.analyze;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.dbkit.sql.SqlLexer;

/**
 * The statement a {@code :copyfrom} query runs: sqlc's {@code INSERT INTO t (a, b) VALUES ($1, $2)} becomes
 * {@code INSERT INTO t (a, b) SELECT dbkit_rows.c1, dbkit_rows.c2 FROM unnest($1::text[], $2::int4[]) AS
 * dbkit_rows(c1, c2)}: every row in one statement, each column one array. PostgreSQL refuses {@code COPY FROM} into
 * a table with row-level security; an {@code INSERT ... SELECT} is checked row by row by its policies like any
 * insert. The tenant stays one scalar parameter, written into every row, so that the rewritten statement goes
 * through the tenant proof as any other insert does.
 */
final class CopyFromRewrite {

	static final String USAGE = "a :copyfrom query is INSERT INTO table (column, ...) VALUES ($1, ...) with one "
			+ "parameter per column (as sqlc requires): dbkit runs it for a whole list of rows in one statement";

	/**
	 * The rewritten statement.
	 *
	 * @param postgresSql with {@code $n} parameters
	 * @param jdbcSql with {@code ?} placeholders
	 * @param slots for each placeholder, the original parameter it binds (the tenant's as a value, every other
	 * one as an array of the list's values)
	 */
	record Rewrite(String postgresSql, String jdbcSql, int[] slots) {
	}

	/** Why a statement cannot be a {@code :copyfrom}. */
	static final class NotCopyable extends Exception {

		private static final long serialVersionUID = 1L;

		NotCopyable(String message) {
			super(message);
		}

	}

	private CopyFromRewrite() {
	}

	/**
	 * @param sql the statement, with {@code $n} parameters
	 * @param tenantParameters the parameters bound from {@code TenantContext}: they stay scalar
	 * @param arrayTypes for every other parameter, the array type to send its values as, such as
	 * {@code "pg_catalog"."int4"[]}
	 */
	static Rewrite rewrite(String sql, Set<Integer> tenantParameters, Map<Integer, String> arrayTypes)
			throws NotCopyable {
		List<SqlLexer.Token> tokens = SqlLexer.significantTokens(sql);
		int t = 0;
		t = expectWord(sql, tokens, t, "INSERT");
		t = expectWord(sql, tokens, t, "INTO");
		// the table's name, possibly qualified, then the column list
		while (t < tokens.size() && !text(sql, tokens, t).equals("(")) {
			SqlLexer.Token token = tokens.get(t);
			boolean name = token.kind() == SqlLexer.Kind.IDENTIFIER || token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER
					|| text(sql, tokens, t).equals(".");
			if (!name || text(sql, tokens, t).equalsIgnoreCase("VALUES")) {
				throw new NotCopyable(USAGE + " (name the columns after the table, without an alias)");
			}
			t++;
		}
		t = expect(sql, tokens, t, "(");
		int columns = 0;
		while (true) {
			SqlLexer.Token token = (t < tokens.size()) ? tokens.get(t) : null;
			if (token == null || (token.kind() != SqlLexer.Kind.IDENTIFIER
					&& token.kind() != SqlLexer.Kind.QUOTED_IDENTIFIER)) {
				throw new NotCopyable(USAGE);
			}
			columns++;
			t++;
			if (text(sql, tokens, t).equals(")")) {
				t++;
				break;
			}
			t = expect(sql, tokens, t, ",");
		}
		int values = t;
		t = expectWord(sql, tokens, t, "VALUES");
		t = expect(sql, tokens, t, "(");
		List<Integer> items = new ArrayList<>();
		Set<Integer> seen = new HashSet<>();
		while (true) {
			SqlLexer.Token token = (t < tokens.size()) ? tokens.get(t) : null;
			int number = (token != null && token.kind() == SqlLexer.Kind.PARAMETER)
					? SqlLexer.parameterNumber(sql, token) : -1;
			if (number < 1) {
				throw new NotCopyable(USAGE + " (each value a parameter, no expressions or constants)");
			}
			if (!seen.add(number)) {
				throw new NotCopyable(USAGE + " ($" + number + " is written twice)");
			}
			items.add(number);
			t++;
			if (text(sql, tokens, t).equals(")")) {
				t++;
				break;
			}
			t = expect(sql, tokens, t, ",");
		}
		if (t != tokens.size()) {
			throw new NotCopyable(USAGE + " (one row of VALUES, no ON CONFLICT or RETURNING: use :batchexec or "
					+ ":batchone for those)");
		}
		if (items.size() != columns) {
			throw new NotCopyable(USAGE + " (" + columns + " columns, " + items.size() + " values)");
		}
		String head = sql.substring(0, tokens.get(values).start());
		if (head.indexOf('?') >= 0) {
			throw new NotCopyable(USAGE + " (a ? in the table's or a column's name)");
		}
		StringBuilder select = new StringBuilder("SELECT ");
		StringBuilder jdbcSelect = new StringBuilder("SELECT ");
		StringBuilder arrays = new StringBuilder();
		StringBuilder jdbcArrays = new StringBuilder();
		StringBuilder aliases = new StringBuilder();
		List<Integer> scalarSlots = new ArrayList<>();
		List<Integer> arraySlots = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			int number = items.get(i);
			String separator = (i == 0) ? "" : ", ";
			select.append(separator);
			jdbcSelect.append(separator);
			if (tenantParameters.contains(number)) {
				select.append('$').append(number);
				jdbcSelect.append('?');
				scalarSlots.add(number);
				continue;
			}
			String arrayType = arrayTypes.get(number);
			if (arrayType == null) {
				throw new NotCopyable(USAGE + " ($" + number + " is an array: a list of arrays cannot be one array; "
						+ "use :batchexec)");
			}
			String alias = "c" + (i + 1);
			select.append("dbkit_rows.").append(alias);
			jdbcSelect.append("dbkit_rows.").append(alias);
			String arraySeparator = arraySlots.isEmpty() ? "" : ", ";
			arrays.append(arraySeparator).append('$').append(number).append("::").append(arrayType);
			jdbcArrays.append(arraySeparator).append("?::").append(arrayType);
			aliases.append(arraySeparator).append(alias);
			arraySlots.add(number);
		}
		if (arraySlots.isEmpty()) {
			throw new NotCopyable(USAGE + " (every value is the tenant: nothing varies from row to row)");
		}
		String rows = ") AS dbkit_rows(" + aliases + ")";
		int[] slots = new int[scalarSlots.size() + arraySlots.size()];
		int s = 0;
		for (int number : scalarSlots) {
			slots[s++] = number;
		}
		for (int number : arraySlots) {
			slots[s++] = number;
		}
		return new Rewrite(head + select + " FROM unnest(" + arrays + rows,
				head + jdbcSelect + " FROM unnest(" + jdbcArrays + rows, slots);
	}

	private static String text(String sql, List<SqlLexer.Token> tokens, int t) {
		return (t < tokens.size()) ? tokens.get(t).text(sql) : "";
	}

	private static int expect(String sql, List<SqlLexer.Token> tokens, int t, String expected) throws NotCopyable {
		if (!text(sql, tokens, t).equals(expected)) {
			throw new NotCopyable(USAGE);
		}
		return t + 1;
	}

	private static int expectWord(String sql, List<SqlLexer.Token> tokens, int t, String word) throws NotCopyable {
		if (t >= tokens.size() || tokens.get(t).kind() != SqlLexer.Kind.IDENTIFIER
				|| !text(sql, tokens, t).toUpperCase(Locale.ROOT).equals(word)) {
			throw new NotCopyable(USAGE);
		}
		return t + 1;
	}

}
