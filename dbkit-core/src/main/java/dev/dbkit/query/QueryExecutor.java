package dev.dbkit.query;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcOperations;

import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.UnknownTenantException;

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
		try {
			Optional<T> result = this.jdbc.query(query.sql(), binder::bind,
					(rs) -> rs.next() ? Optional.of(reader.read(rs)) : Optional.empty());
			return (result != null) ? result : Optional.empty();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/** Every row ({@code :many}). */
	public <T> List<T> many(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		try {
			List<T> rows = this.jdbc.query(query.sql(), binder::bind, (rs) -> {
				List<T> list = new ArrayList<>();
				while (rs.next()) {
					list.add(reader.read(rs));
				}
				return list;
			});
			return (rows != null) ? rows : List.of();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/** Runs a statement ({@code :exec}). */
	public void exec(GeneratedQuery query, ParameterBinder binder) {
		try {
			this.jdbc.update(query.sql(), binder::bind);
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/** Runs a statement and returns the number of rows it affected ({@code :execrows}). */
	public long execRows(GeneratedQuery query, ParameterBinder binder) {
		try {
			return this.jdbc.update(query.sql(), binder::bind);
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/**
	 * A tenant-scoped write that fails on a foreign key naming the current tenant means the tenant does not exist:
	 * say so, rather than leave the caller a constraint violation.
	 */
	private static RuntimeException translate(GeneratedQuery query, DataIntegrityViolationException ex) {
		UUID tenant = TenantContext.current().orElse(null);
		if (query.tenantScoped() && tenant != null) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof SQLException sql && "23503".equals(sql.getSQLState()) && sql.getMessage() != null
						&& sql.getMessage().contains("=(" + tenant + ")")) {
					return new UnknownTenantException(tenant, ex);
				}
			}
		}
		return ex;
	}

}
