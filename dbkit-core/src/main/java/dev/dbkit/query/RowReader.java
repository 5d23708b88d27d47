package dev.dbkit.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a result set into a value, by column index. */
@FunctionalInterface
public interface RowReader<T> {

	T read(ResultSet resultSet) throws SQLException;

}
