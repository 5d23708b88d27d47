package dev.dbkit.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds one item of a batch ({@code :batchexec}, {@code :batchone}, {@code :batchmany}): its parameters take the
 * placeholders after {@code offset}, so that one statement text carries several items.
 */
@FunctionalInterface
public interface ItemBinder<T> {

	void bind(PreparedStatement statement, int offset, T item) throws SQLException;

}
