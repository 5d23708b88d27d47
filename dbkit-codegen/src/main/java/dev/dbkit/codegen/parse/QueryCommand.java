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
	EXECLASTID,

	/**
	 * sqlc's {@code :batchexec}: the statement run once per element of a list of parameters, pipelined, in one
	 * transaction; {@code long[]}: the rows each run affected.
	 */
	BATCHEXEC,

	/** sqlc's {@code :batchone}: as {@link #BATCHEXEC}; {@code List<Optional<Row>>}, one per element. */
	BATCHONE,

	/** sqlc's {@code :batchmany}: as {@link #BATCHEXEC}; {@code List<List<Row>>}, one list per element. */
	BATCHMANY,

	/**
	 * sqlc's {@code :copyfrom}: an {@code INSERT ... VALUES ($1, $2, ...)} run for a whole list of rows in one
	 * statement ({@code INSERT ... SELECT ... FROM unnest(arrays)}, which row-level security allows where
	 * {@code COPY FROM} is refused); {@code long}: the rows inserted.
	 */
	COPYFROM;

	static @Nullable QueryCommand parse(String text) {
		try {
			return valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public boolean returnsRows() {
		return this == ONE || this == MANY || this == EXECLASTID || this == BATCHONE || this == BATCHMANY;
	}

	/** Whether the method takes a list, one element per run of the statement (or row, for {@link #COPYFROM}). */
	public boolean takesList() {
		return this == BATCHEXEC || this == BATCHONE || this == BATCHMANY || this == COPYFROM;
	}

	/** The commands, as a header writes them. */
	public static String list() {
		return ":one, :many, :exec, :execrows, :execresult, :execlastid, :batchexec, :batchone, :batchmany or :copyfrom";
	}

}
