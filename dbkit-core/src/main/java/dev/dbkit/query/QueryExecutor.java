package dev.dbkit.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.ResultSetExtractor;

import dev.dbkit.tenant.CrossTenantCallException;
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
		fence(query);
		try {
			ResultSetExtractor<Optional<T>> extractor = (rs) -> rs.next() ? Optional.of(reader.read(rs))
					: Optional.empty();
			Optional<T> result = query.startsWithSettings() ? this.jdbc.execute(query.sql(), afterSettings(binder,
					extractor)) : this.jdbc.query(query.sql(), binder::bind, extractor);
			return (result != null) ? result : Optional.empty();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/**
	 * The value of the one row's one column ({@code :execlastid}: an insert's {@code RETURNING id}).
	 * @throws EmptyResultDataAccessException when the statement returned no row
	 */
	public <T> T value(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		return one(query, binder, reader).orElseThrow(() -> new EmptyResultDataAccessException(
				query + " returned no row, so no id (an ON CONFLICT DO NOTHING, or a WHERE that matched nothing)", 1));
	}

	/** Every row ({@code :many}). */
	public <T> List<T> many(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		fence(query);
		try {
			ResultSetExtractor<List<T>> extractor = (rs) -> {
				List<T> list = new ArrayList<>();
				while (rs.next()) {
					list.add(reader.read(rs));
				}
				return list;
			};
			List<T> rows = query.startsWithSettings() ? this.jdbc.execute(query.sql(), afterSettings(binder, extractor))
					: this.jdbc.query(query.sql(), binder::bind, extractor);
			return (rows != null) ? rows : List.of();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/**
	 * Runs a statement ({@code :exec}). A statement that returns a row of {@code void} (such as {@code SELECT
	 * pg_advisory_xact_lock(?)}) is run too, and its row discarded.
	 */
	public void exec(GeneratedQuery query, ParameterBinder binder) {
		fence(query);
		try {
			this.jdbc.execute(query.sql(), (PreparedStatementCallback<Void>) (ps) -> {
				binder.bind(ps);
				ps.execute();
				return null;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/** Runs a statement and returns the number of rows it affected ({@code :execrows}). */
	public long execRows(GeneratedQuery query, ParameterBinder binder) {
		fence(query);
		try {
			return update(query, binder);
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/**
	 * A cross-tenant query is not called from a tenant's context unless the caller said so
	 * ({@link TenantContext#runAcrossTenants}, which clears the tenant for its block).
	 */
	private static void fence(GeneratedQuery query) {
		if (query.scope() == GeneratedQuery.Scope.CROSS_TENANT) {
			UUID tenant = TenantContext.current().orElse(null);
			if (tenant != null) {
				throw new CrossTenantCallException(query + " is a cross-tenant query (-- dbkit:cross-tenant), called "
						+ "while tenant " + tenant + " is current: it would give that tenant's code path every "
						+ "tenant's rows. Call it outside a tenant, or wrap the call in "
						+ "TenantContext.runAcrossTenants(() -> ...) where spanning tenants is intended.");
			}
		}
	}

	private long update(GeneratedQuery query, ParameterBinder binder) {
		if (!query.startsWithSettings()) {
			return this.jdbc.update(query.sql(), binder::bind);
		}
		Long count = this.jdbc.execute(query.sql(), (PreparedStatementCallback<Long>) (ps) -> {
			binder.bind(ps);
			ps.execute();
			ps.getMoreResults();
			return (long) ps.getUpdateCount();
		});
		return (count != null) ? count : 0;
	}

	/**
	 * Runs a statement that starts with dbkit's settings (one round trip: pgjdbc sends both at once) and reads the
	 * result of the second.
	 */
	private static <T> PreparedStatementCallback<T> afterSettings(ParameterBinder binder,
			ResultSetExtractor<T> extractor) {
		return (ps) -> {
			binder.bind(ps);
			ps.execute();
			if (!ps.getMoreResults()) {
				throw new IllegalStateException("the statement after dbkit's settings returned no rows to read");
			}
			try (ResultSet rs = ps.getResultSet()) {
				return extractor.extractData(rs);
			}
		};
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
