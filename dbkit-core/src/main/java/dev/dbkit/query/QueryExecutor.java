package dev.dbkit.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;

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

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable QueryObservationConvention observationConvention;

	public QueryExecutor(JdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes every call an {@link io.micrometer.observation.Observation} ({@code dbkit.query}: a timer per query with
	 * low-cardinality tags, errors recorded, a span in traces). Without one (the default,
	 * {@link ObservationRegistry#NOOP}) a call checks one flag and nothing else.
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/** Replaces {@link DefaultQueryObservationConvention}: other names, more tags. */
	public void setObservationConvention(@Nullable QueryObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	private Observation observation(GeneratedQuery query) {
		return QueryObservationDocumentation.QUERY.observation(this.observationConvention,
				DefaultQueryObservationConvention.INSTANCE, () -> new QueryObservationContext(query),
				this.observationRegistry);
	}

	/** Callers check {@code isNoop()} first, so that a call without a registry allocates no lambda for this. */
	private <R> R observed(GeneratedQuery query, Supplier<R> call) {
		R result = observation(query).observe(call);
		return java.util.Objects.requireNonNull(result, "a generated call returns a value");
	}

	/** The first row, if any ({@code :one}). */
	public <T> Optional<T> one(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
		if (this.observationRegistry.isNoop()) {
			return oneUnobserved(query, binder, reader);
		}
		return observed(query, () -> oneUnobserved(query, binder, reader));
	}

	private <T> Optional<T> oneUnobserved(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
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
		if (this.observationRegistry.isNoop()) {
			return manyUnobserved(query, binder, reader);
		}
		return observed(query, () -> manyUnobserved(query, binder, reader));
	}

	private <T> List<T> manyUnobserved(GeneratedQuery query, ParameterBinder binder, RowReader<T> reader) {
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
	 * The rows of a {@code :many} query marked {@code -- dbkit:stream}, read as the stream is consumed: the driver
	 * fetches {@code fetchSize} rows at a time through a cursor, so a result of any size is read in bounded memory.
	 * A cursor lives in a transaction: the stream runs in the caller's (Spring's {@code @Transactional}), or opens a
	 * read-only one of its own that ends when the stream is closed. Close it (try-with-resources): until then it
	 * holds a connection.
	 */
	public <T> Stream<T> stream(GeneratedQuery query, @Nullable Object tenant, ParameterBinder binder,
			RowReader<T> reader, int fetchSize) {
		if (this.observationRegistry.isNoop()) {
			return streamUnobserved(query, tenant, binder, reader, fetchSize);
		}
		// observed: opening the cursor (the first fetch); the rows are read as the caller consumes them
		return observed(query, () -> streamUnobserved(query, tenant, binder, reader, fetchSize));
	}

	private <T> Stream<T> streamUnobserved(GeneratedQuery query, @Nullable Object tenant, ParameterBinder binder,
			RowReader<T> reader, int fetchSize) {
		fence(query);
		if (!(this.jdbc instanceof JdbcTemplate template) || template.getDataSource() == null) {
			throw new IllegalStateException(query + " streams its rows on a JdbcTemplate with a DataSource");
		}
		DataSource dataSource = template.getDataSource();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		Cursor<T> cursor = new Cursor<>(query, connection, dataSource, template.getExceptionTranslator(), reader);
		try {
			cursor.open(tenant, binder, fetchSize);
		}
		catch (SQLException | RuntimeException ex) {
			cursor.close();
			throw (ex instanceof SQLException sql) ? cursor.translate(sql) : (RuntimeException) ex;
		}
		return StreamSupport.stream(cursor, false).onClose(cursor::close);
	}

	/** A streamed result: the statement, its transaction if it opened one, and the rows as a spliterator. */
	private static final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {

		private final GeneratedQuery query;

		private final Connection connection;

		private final DataSource dataSource;

		private final SQLExceptionTranslator translator;

		private final RowReader<T> reader;

		private boolean ownTransaction;

		private @Nullable PreparedStatement statement;

		private @Nullable ResultSet rows;

		private boolean closed;

		private boolean platformRole;

		Cursor(GeneratedQuery query, Connection connection, DataSource dataSource, SQLExceptionTranslator translator,
				RowReader<T> reader) {
			super(Long.MAX_VALUE, ORDERED);
			this.query = query;
			this.connection = connection;
			this.dataSource = dataSource;
			this.translator = translator;
			this.reader = reader;
		}

		/**
		 * The driver uses a cursor for a text of one statement only: row-level security's settings statement runs
		 * first, on its own, in the same transaction; the platform role is given back when the stream closes.
		 */
		void open(@Nullable Object tenant, ParameterBinder binder, int fetchSize) throws SQLException {
			if (this.connection.getAutoCommit()) {
				this.connection.setAutoCommit(false);
				this.ownTransaction = true;
			}
			String settings = this.query.settings();
			if (!settings.isEmpty()) {
				try (PreparedStatement set = this.connection.prepareStatement(settings.strip())) {
					if (this.query.settingsTakeTenant()) {
						set.setString(1, settingsTenant(this.query, tenant));
					}
					set.execute();
				}
			}
			this.platformRole = !this.query.settingsEnd().isEmpty();
			String sql = this.query.statement();
			PreparedStatement ps = this.connection.prepareStatement(sql);
			this.statement = ps;
			ps.setFetchSize(fetchSize);
			binder.bind(ps);
			this.rows = ps.executeQuery();
		}

		@Override
		public boolean tryAdvance(java.util.function.Consumer<? super T> action) {
			if (this.closed || this.rows == null) {
				return false;
			}
			try {
				if (!this.rows.next()) {
					return false;
				}
				action.accept(this.reader.read(this.rows));
				return true;
			}
			catch (SQLException ex) {
				throw translate(ex);
			}
		}

		RuntimeException translate(SQLException ex) {
			RuntimeException translated = this.translator.translate(this.query.toString(), this.query.sql(), ex);
			return (translated != null) ? translated : new IllegalStateException(ex);
		}

		void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				if (this.rows != null) {
					this.rows.close();
				}
				if (this.statement != null) {
					this.statement.close();
				}
				if (this.platformRole) {
					try (PreparedStatement reset = this.connection
						.prepareStatement(GeneratedQuery.CROSS_TENANT_END.strip().substring(1))) {
						reset.execute();
					}
				}
				if (this.ownTransaction) {
					try {
						this.connection.commit();
					}
					catch (SQLException ex) {
						this.connection.rollback(); // the statement failed: its transaction is already lost
					}
					this.connection.setAutoCommit(true);
				}
			}
			catch (SQLException ex) {
				throw translate(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(this.connection, this.dataSource);
			}
		}

	}

	/** Rows fetched per round trip by a streamed query, unless its generated method says otherwise. */
	public static final int STREAM_FETCH_SIZE = 1000;

	/**
	 * Runs a statement ({@code :exec}). A statement that returns a row of {@code void} (such as {@code SELECT
	 * pg_advisory_xact_lock(?)}) is run too, and its row discarded.
	 */
	public void exec(GeneratedQuery query, ParameterBinder binder) {
		if (this.observationRegistry.isNoop()) {
			execUnobserved(query, binder);
			return;
		}
		observation(query).observe(() -> execUnobserved(query, binder));
	}

	private void execUnobserved(GeneratedQuery query, ParameterBinder binder) {
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
		if (this.observationRegistry.isNoop()) {
			return execRowsUnobserved(query, binder);
		}
		return observed(query, () -> execRowsUnobserved(query, binder));
	}

	private long execRowsUnobserved(GeneratedQuery query, ParameterBinder binder) {
		fence(query);
		try {
			return update(query, binder);
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/**
	 * Runs a statement once per item ({@code :batchexec}), pipelined, in one transaction (the caller's, or one of
	 * its own that commits when every item ran): the rows each run affected.
	 * @param tenant the tenant of a tenant-scoped statement (for row-level security's setting), or {@code null}
	 * @param parametersPerItem the statement's placeholders, which {@code binder} binds for each item
	 */
	public <T> long[] batchExec(GeneratedQuery query, @Nullable Object tenant, List<T> items, int parametersPerItem,
			ItemBinder<T> binder) {
		if (this.observationRegistry.isNoop()) {
			return batchExecUnobserved(query, tenant, items, parametersPerItem, binder);
		}
		return observed(query, () -> batchExecUnobserved(query, tenant, items, parametersPerItem, binder));
	}

	private <T> long[] batchExecUnobserved(GeneratedQuery query, @Nullable Object tenant, List<T> items,
			int parametersPerItem, ItemBinder<T> binder) {
		long[] counts = new long[items.size()];
		batch(query, tenant, items, parametersPerItem, binder, (ps, first, n) -> {
			for (int i = 0; i < n; i++) {
				counts[first + i] = ps.getLargeUpdateCount();
				ps.getMoreResults();
			}
		});
		return counts;
	}

	/** Runs a statement once per item ({@code :batchone}), as {@link #batchExec}: the first row of each run. */
	public <T, R> List<Optional<R>> batchOne(GeneratedQuery query, @Nullable Object tenant, List<T> items,
			int parametersPerItem, ItemBinder<T> binder, RowReader<R> reader) {
		if (this.observationRegistry.isNoop()) {
			return batchOneUnobserved(query, tenant, items, parametersPerItem, binder, reader);
		}
		return observed(query, () -> batchOneUnobserved(query, tenant, items, parametersPerItem, binder, reader));
	}

	private <T, R> List<Optional<R>> batchOneUnobserved(GeneratedQuery query, @Nullable Object tenant, List<T> items,
			int parametersPerItem, ItemBinder<T> binder, RowReader<R> reader) {
		List<Optional<R>> results = new ArrayList<>(items.size());
		batch(query, tenant, items, parametersPerItem, binder, (ps, first, n) -> {
			for (int i = 0; i < n; i++) {
				try (ResultSet rs = resultOf(ps)) {
					results.add(rs.next() ? Optional.of(reader.read(rs)) : Optional.empty());
				}
				ps.getMoreResults();
			}
		});
		return results;
	}

	/** Runs a statement once per item ({@code :batchmany}), as {@link #batchExec}: the rows of each run. */
	public <T, R> List<List<R>> batchMany(GeneratedQuery query, @Nullable Object tenant, List<T> items,
			int parametersPerItem, ItemBinder<T> binder, RowReader<R> reader) {
		if (this.observationRegistry.isNoop()) {
			return batchManyUnobserved(query, tenant, items, parametersPerItem, binder, reader);
		}
		return observed(query, () -> batchManyUnobserved(query, tenant, items, parametersPerItem, binder, reader));
	}

	private <T, R> List<List<R>> batchManyUnobserved(GeneratedQuery query, @Nullable Object tenant, List<T> items,
			int parametersPerItem, ItemBinder<T> binder, RowReader<R> reader) {
		List<List<R>> results = new ArrayList<>(items.size());
		batch(query, tenant, items, parametersPerItem, binder, (ps, first, n) -> {
			for (int i = 0; i < n; i++) {
				List<R> rows = new ArrayList<>();
				try (ResultSet rs = resultOf(ps)) {
					while (rs.next()) {
						rows.add(reader.read(rs));
					}
				}
				results.add(rows);
				ps.getMoreResults();
			}
		});
		return results;
	}

	private static ResultSet resultOf(PreparedStatement ps) throws SQLException {
		ResultSet rs = ps.getResultSet();
		if (rs == null) {
			throw new IllegalStateException("a statement of the batch returned no rows to read");
		}
		return rs;
	}

	/** Reads the results of one chunk's statements, in order, after any settings statement's. */
	@FunctionalInterface
	private interface ChunkResults {

		void read(PreparedStatement ps, int first, int count) throws SQLException;

	}

	/**
	 * A batch is sent in chunks of {@link #BATCH_CHUNK} copies of the statement in one text (pgjdbc sends them in
	 * one round trip, each with its own parameters, and keeps each statement's result apart), after the settings
	 * statement of row-level security when there is one. The chunk's text repeats a statement that pgjdbc's parser
	 * was checked at build time to read as exactly one, framed by line breaks as here.
	 */
	private <T> void batch(GeneratedQuery query, @Nullable Object tenant, List<T> items, int parametersPerItem,
			ItemBinder<T> binder, ChunkResults results) {
		fence(query);
		if (items.isEmpty()) {
			return;
		}
		String prefix = query.settings();
		String suffix = query.settingsEnd();
		String statement = query.statement();
		int settingsParameters = query.settingsTakeTenant() ? 1 : 0;
		String settingsTenant = (settingsParameters == 1) ? settingsTenant(query, tenant) : null;
		int chunk = Math.max(1, Math.min(BATCH_CHUNK, (MAX_PARAMETERS - 1) / Math.max(1, parametersPerItem)));
		try {
			this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
				boolean ownTransaction = connection.getAutoCommit();
				if (ownTransaction) {
					connection.setAutoCommit(false);
				}
				try {
					PreparedStatement full = null;
					try {
						for (int first = 0; first < items.size(); first += chunk) {
							int count = Math.min(chunk, items.size() - first);
							PreparedStatement ps;
							if (count == chunk) {
								if (full == null) {
									full = connection.prepareStatement(chunkSql(prefix, statement, suffix, count));
								}
								ps = full;
							}
							else {
								ps = connection.prepareStatement(chunkSql(prefix, statement, suffix, count));
							}
							try {
								if (settingsTenant != null) {
									ps.setString(1, settingsTenant);
								}
								for (int i = 0; i < count; i++) {
									binder.bind(ps, settingsParameters + i * parametersPerItem, items.get(first + i));
								}
								ps.execute();
								if (!prefix.isEmpty()) {
									ps.getMoreResults();
								}
								results.read(ps, first, count);
							}
							finally {
								if (ps != full) {
									ps.close();
								}
							}
						}
					}
					finally {
						if (full != null) {
							full.close();
						}
					}
					if (ownTransaction) {
						connection.commit();
					}
				}
				catch (SQLException | RuntimeException ex) {
					if (ownTransaction) {
						connection.rollback();
					}
					throw ex;
				}
				finally {
					if (ownTransaction) {
						connection.setAutoCommit(true);
					}
				}
				return null;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(query, ex);
		}
	}

	/** The tenant for row-level security's setting, which a statement that starts with it must be given. */
	private static String settingsTenant(GeneratedQuery query, @Nullable Object tenant) {
		if (tenant == null) {
			throw new IllegalStateException(query + " sets the tenant for row-level security, and was given none");
		}
		return tenant.toString();
	}

	/** Items per round trip of a batch. */
	static final int BATCH_CHUNK = 64;

	/** PostgreSQL's limit of parameters per statement. */
	private static final int MAX_PARAMETERS = 65535;

	private static String chunkSql(String prefix, String statement, String suffix, int count) {
		StringBuilder sql = new StringBuilder(prefix.length() + suffix.length() + count * (statement.length() + 2));
		sql.append(prefix);
		for (int i = 0; i < count; i++) {
			// a line break first: it ends a -- comment on the statement's last line
			sql.append((i == 0) ? "" : "\n;").append(statement);
		}
		return sql.append(suffix).toString();
	}

	/**
	 * A cross-tenant query is not called from a tenant's context unless the caller said so
	 * ({@link TenantContext#runAcrossTenants}, which clears the tenant for its block).
	 */
	private static void fence(GeneratedQuery query) {
		if (query.scope() == GeneratedQuery.Scope.CROSS_TENANT) {
			Object tenant = TenantContext.currentId().orElse(null);
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
		Object tenant = TenantContext.currentId().orElse(null);
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
