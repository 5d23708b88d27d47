package dev.dbkit.query;

import org.jspecify.annotations.Nullable;

/**
 * Converts a column's value between its Java type and PostgreSQL's text form of it, for a type override that names
 * a converter ({@code <money>com.acme.Money via com.acme.MoneyConverter</money>}). Generated code holds one instance
 * per repository, made with the public no-argument constructor, and never passes {@code null} to it.
 *
 * @param <J> the Java type
 */
public interface ValueConverter<J> {

	/** The Java value of PostgreSQL's text form of a value. */
	J read(String text);

	/** PostgreSQL's text form of a value, which the server converts to the column's type. */
	String write(J value);

	/** Reads column {@code index} ({@code null} when SQL NULL). */
	default @Nullable J get(java.sql.ResultSet rs, int index) throws java.sql.SQLException {
		String text = rs.getString(index);
		return (text != null) ? read(text) : null;
	}

	/** Binds a value as text of PostgreSQL type {@code type} ({@code null} too). */
	default void set(java.sql.PreparedStatement ps, int index, @Nullable J value, String type)
			throws java.sql.SQLException {
		JdbcValues.setTyped(ps, index, (value != null) ? write(value) : null, type);
	}

}
