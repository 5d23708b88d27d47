package dev.dbkit.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a generated statement's parameters. */
@FunctionalInterface
public interface ParameterBinder {

	/** Binds nothing: for statements without parameters. */
	ParameterBinder NONE = (statement) -> {
	};

	void bind(PreparedStatement statement) throws SQLException;

}
