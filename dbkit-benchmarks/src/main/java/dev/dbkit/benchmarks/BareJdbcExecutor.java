package dev.dbkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.query.ParameterBinder;
import dev.dbkit.query.QueryExecutor;
import dev.dbkit.query.RowReader;

/**
 * An experiment, not a product: the generated repositories on an executor that skips Spring's JdbcTemplate and
 * does what the raw pgjdbc floor does (a pooled connection, a statement, close both). It gives up everything
 * the real {@link QueryExecutor} keeps (taking part in {@code @Transactional}, the template's fetch size, row limit
 * and timeouts, exception translation), so it bounds from above what dropping JdbcTemplate could gain.
 */
final class BareJdbcExecutor extends QueryExecutor {

	private final DataSource dataSource;

	BareJdbcExecutor(DataSource dataSource) {
		super(new JdbcTemplate(dataSource));
		this.dataSource = dataSource;
	}

	/** The rows of the statement, after dbkit's settings statement when it has one (as QueryExecutor does). */
	private static ResultSet results(GeneratedQuery query, PreparedStatement statement) throws SQLException {
		if (!query.startsWithSettings()) {
			return statement.executeQuery();
		}
		statement.execute();
		statement.getMoreResults();
		return statement.getResultSet();
	}

	@Override
	public <T> Optional<T> one(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(query.sql())) {
			binder.bind(statement);
			try (ResultSet rs = results(query, statement)) {
				return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public <T> List<T> many(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(query.sql())) {
			binder.bind(statement);
			List<T> rows = new ArrayList<>();
			try (ResultSet rs = results(query, statement)) {
				while (rs.next()) {
					rows.add(reader.read(rs));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void exec(GeneratedQuery query, ParameterBinder binder) {
		execRows(query, binder);
	}

	@Override
	public long execRows(GeneratedQuery query, ParameterBinder binder) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(query.sql())) {
			binder.bind(statement);
			if (!query.startsWithSettings()) {
				return statement.executeUpdate();
			}
			statement.execute();
			statement.getMoreResults();
			return statement.getUpdateCount();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
