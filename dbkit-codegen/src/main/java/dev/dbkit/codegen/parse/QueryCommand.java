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
	EXECROWS;

	static @Nullable QueryCommand parse(String text) {
		try {
			return valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public boolean returnsRows() {
		return this == ONE || this == MANY;
	}

}
