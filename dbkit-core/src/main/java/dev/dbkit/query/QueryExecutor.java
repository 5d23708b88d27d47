package dev.dbkit.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Runs generated statements on Spring JDBC, so that the application's {@code DataSource}, {@code @Transactional}
 * and exception translation apply.
 * <p>
 * This is the one place every generated call passes through: it knows the query's name, file and whether it is
 * tenant-scoped, which is where observations, SQL logging and database-enforced isolation will attach. Keep its
 * per-call work near zero.
 */
public class QueryExecutor {

	private final JdbcOperations jdbc;

	public QueryExecutor(JdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/** The first row, if any ({@code :one}). */
	public <T> Optional<T> one(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		Optional<T> result = this.jdbc.query(query.sql(), binder::bind,
				(rs) -> rs.next() ? Optional.of(reader.read(rs)) : Optional.empty());
		return (result != null) ? result : Optional.empty();
	}

	/** Every row ({@code :many}). */
	public <T> List<T> many(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		List<T> rows = this.jdbc.query(query.sql(), binder::bind, (rs) -> {
			List<T> list = new ArrayList<>();
			while (rs.next()) {
				list.add(reader.read(rs));
			}
			return list;
		});
		return (rows != null) ? rows : List.of();
	}

	/** Runs a statement ({@code :exec}). */
	public void exec(GeneratedQuery query, ParameterBinder binder) {
		this.jdbc.update(query.sql(), binder::bind);
	}

	/** Runs a statement and returns the number of rows it affected ({@code :execrows}). */
	public long execRows(GeneratedQuery query, ParameterBinder binder) {
		return this.jdbc.update(query.sql(), binder::bind);
	}

}
