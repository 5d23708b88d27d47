package dev.dbkit.codegen.parse;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What a query's method returns, as in sqlc. */
public enum QueryCommand {

	/** {@code Optional<Row>}: the first row, if any. */
	ONE,

	/** {@code List<Row>}. */
	MANY,

	/** {@code void}. */
	EXEC,

	/** {@code long}: the number of rows affected. */
	EXECROWS,

	/**
	 * sqlc's {@code :execresult} (a command tag in Go): in Java the number of rows affected, as {@link #EXECROWS}.
	 */
	EXECRESULT,

	/**
	 * sqlc's {@code :execlastid} (MySQL's last insert id): PostgreSQL has none, so the statement returns it itself
	 * ({@code RETURNING id}, one column) and the method returns that value, failing when no row comes back.
	 */
	EXECLASTID;

	static @Nullable QueryCommand parse(String text) {
		try {
			return valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public boolean returnsRows() {
		return this == ONE || this == MANY || this == EXECLASTID;
	}

	/** The commands, as a header writes them. */
	public static String list() {
		return ":one, :many, :exec, :execrows, :execresult or :execlastid";
	}

}
