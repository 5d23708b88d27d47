package dev.dbkit.query;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGobject;

/**
 * Small, allocation-light helpers that generated code uses to read and bind values that plain JDBC calls do not
 * cover directly: boxed nullable primitives, arrays as lists, PostgreSQL enums and JSON.
 */
public final class JdbcValues {

	private JdbcValues() {
	}

	public static @Nullable Boolean getBoolean(ResultSet rs, int index) throws SQLException {
		boolean value = rs.getBoolean(index);
		return rs.wasNull() ? null : value;
	}

	public static @Nullable Short getShort(ResultSet rs, int index) throws SQLException {
		short value = rs.getShort(index);
		return rs.wasNull() ? null : value;
	}

	public static @Nullable Integer getInteger(ResultSet rs, int index) throws SQLException {
		int value = rs.getInt(index);
		return rs.wasNull() ? null : value;
	}

	public static @Nullable Long getLong(ResultSet rs, int index) throws SQLException {
		long value = rs.getLong(index);
		return rs.wasNull() ? null : value;
	}

	public static @Nullable Float getFloat(ResultSet rs, int index) throws SQLException {
		float value = rs.getFloat(index);
		return rs.wasNull() ? null : value;
	}

	public static @Nullable Double getDouble(ResultSet rs, int index) throws SQLException {
		double value = rs.getDouble(index);
		return rs.wasNull() ? null : value;
	}

	/** An array column as an unmodifiable list ({@code null} when SQL NULL). */
	@SuppressWarnings("unchecked")
	public static <T> @Nullable List<T> getList(ResultSet rs, int index, Class<T> elementType) throws SQLException {
		Array array = rs.getArray(index);
		if (array == null) {
			return null;
		}
		try {
			Object[] values = (Object[]) array.getArray();
			for (Object value : values) {
				if (value != null && !elementType.isInstance(value)) {
					throw new SQLException("Array element " + value.getClass().getName() + " is not a "
							+ elementType.getName());
				}
			}
			return Collections.unmodifiableList(Arrays.asList((T[]) values));
		}
		finally {
			array.free();
		}
	}

	/** An array of PostgreSQL enum labels as a list of Java enum constants. */
	public static <E extends Enum<E>> @Nullable List<E> getEnumList(ResultSet rs, int index,
			Function<String, E> fromLabel) throws SQLException {
		List<String> labels = getList(rs, index, String.class);
		return (labels != null) ? labels.stream().map((label) -> (label != null) ? fromLabel.apply(label) : null).toList()
				: null;
	}

	/** A PostgreSQL enum column as a Java enum constant ({@code null} when SQL NULL). */
	public static <E extends Enum<E>> @Nullable E getEnum(ResultSet rs, int index, Function<String, E> fromLabel)
			throws SQLException {
		String label = rs.getString(index);
		return (label != null) ? fromLabel.apply(label) : null;
	}

	/** Binds a Java enum constant as its PostgreSQL label, a value of enum type {@code type}. */
	public static void setEnum(PreparedStatement ps, int index, @Nullable PostgresEnum value, String type)
			throws SQLException {
		setTyped(ps, index, (value != null) ? value.label() : null, type);
	}

	/** Binds a value that may be {@code null}, with the SQL type to send for {@code null}. */
	public static void setNullable(PreparedStatement ps, int index, @Nullable Object value, int sqlType)
			throws SQLException {
		if (value == null) {
			ps.setNull(index, sqlType);
		}
		else {
			ps.setObject(index, value, sqlType);
		}
	}

	/**
	 * Binds a value of a type the server knows better than JDBC does (uuid, dates, overrides); {@code null} as a
	 * value of PostgreSQL type {@code type}.
	 */
	public static void setObject(PreparedStatement ps, int index, @Nullable Object value, String type)
			throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.OTHER, type);
		}
		else {
			ps.setObject(index, value);
		}
	}

	/** Binds a value of a type the server knows better than JDBC does, {@code null} of unspecified type. */
	public static void setObject(PreparedStatement ps, int index, @Nullable Object value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.OTHER);
		}
		else {
			ps.setObject(index, value);
		}
	}

	/**
	 * Binds text as a value of a named PostgreSQL type (json, jsonb, inet, an enum), {@code null} too. A value of
	 * unspecified type makes pgjdbc describe the prepared statement, and pgjdbc then sends a Sync before each later
	 * execution of it when its rows have no bounded size: an extra round trip, and the end of the implicit
	 * transaction in which row-level security's setting was made.
	 */
	public static void setTyped(PreparedStatement ps, int index, @Nullable String value, String type)
			throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.OTHER, type);
			return;
		}
		PGobject object = new PGobject();
		object.setType(type);
		object.setValue(value);
		ps.setObject(index, object);
	}

	/** Binds a list as a PostgreSQL array of {@code elementType} (a type name such as {@code uuid}). */
	public static void setList(PreparedStatement ps, int index, @Nullable List<?> values, String elementType)
			throws SQLException {
		if (values == null) {
			ps.setNull(index, Types.ARRAY, elementType + "[]");
			return;
		}
		Object[] elements = new Object[values.size()];
		for (int i = 0; i < elements.length; i++) {
			Object value = values.get(i);
			elements[i] = (value instanceof Enum<?> && value instanceof PostgresEnum label) ? label.label() : value;
		}
		ps.setArray(index, ps.getConnection().createArrayOf(elementType, elements));
	}


	/**
	 * Binds one column of a list of rows as a PostgreSQL array of {@code elementType} ({@code :copyfrom}): the
	 * value {@code column} gives for each row, in order, {@code null} included.
	 */
	public static <T> void setColumn(PreparedStatement ps, int index, List<T> rows,
			Function<? super T, ?> column, String elementType) throws SQLException {
		int size = rows.size();
		Object[] elements = elementType.equals("bytea") ? new byte[size][] : new Object[size];
		for (int i = 0; i < size; i++) {
			Object value = column.apply(rows.get(i));
			elements[i] = (value instanceof PostgresEnum label) ? label.label() : value;
		}
		ps.setArray(index, ps.getConnection().createArrayOf(elementType, elements));
	}

	/** Whether column {@code index} is SQL NULL: an embedded row from the missing side of an outer join. */
	public static boolean isNull(ResultSet rs, int index) throws SQLException {
		return rs.getObject(index) == null;
	}

}
