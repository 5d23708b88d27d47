package dev.dbkit.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.benchmarks.db.AddFlagsBatchParams;
import dev.dbkit.benchmarks.db.AddFlagsParams;
import dev.dbkit.benchmarks.db.BulkFlagsRepository;
import dev.dbkit.embedded.DatabaseRoles;
import dev.dbkit.query.QueryExecutor;
import dev.dbkit.tenant.TenantContext;

/**
 * Loading 10,000 rows into the seed's {@code feature_flags}, side by side in one JVM on one database: row-by-row
 * inserts, {@code JdbcTemplate.batchUpdate} (also with pgjdbc's {@code reWriteBatchedInserts}), dbkit's
 * {@code :batchexec} and dbkit's {@code :copyfrom} (also as the application's role, under the sample app's
 * row-level security). Every side inserts the same rows in one transaction; the table is emptied of them (untimed)
 * before each load. The sides run in a shuffled order in each round; per round, each side's time is divided by
 * row-by-row's and by {@code batchUpdate}'s of the same round; the medians and quartiles of those ratios over the
 * rounds are reported (speed-ups: larger is faster).
 * <p>
 * In {@code dbkit-benchmarks}: {@code java -cp "target/classes:$(cat target/classpath)"
 * dev.dbkit.benchmarks.BulkWriteComparison [rounds] [rows]}
 */
public final class BulkWriteComparison {

	private static final String INSERT = "INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) "
			+ "VALUES (?, ?, ?, ?::jsonb)";

	private BulkWriteComparison() {
	}

	/** One way to load the rows. */
	@FunctionalInterface
	private interface Load {

		void run(UUID tenant, List<AddFlagsParams> rows);

	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		try (BenchDatabase database = BenchDatabase.start(); HikariDataSource rewriting = new HikariDataSource()) {
			HikariDataSource pool = database.pool();
			rewriting.setJdbcUrl(pool.getJdbcUrl() + "?reWriteBatchedInserts=true");
			rewriting.setUsername(pool.getUsername());
			rewriting.setMaximumPoolSize(1);
			UUID tenant = database.tenants()[0];
			List<AddFlagsParams> rows = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				rows.add(new AddFlagsParams(String.format("bulk_%06d", i), i % 2 == 0, "{\"n\": " + i + "}"));
			}
			Map<String, Load> loads = new LinkedHashMap<>();
			loads.put("row by row (JdbcTemplate.update)", rowByRow(pool));
			loads.put("JdbcTemplate.batchUpdate", batchUpdate(pool));
			loads.put("batchUpdate, reWriteBatchedInserts=true", batchUpdate(rewriting));
			BulkFlagsRepository dbkit = new BulkFlagsRepository(new QueryExecutor(new JdbcTemplate(pool)));
			loads.put("dbkit :batchexec", (t, r) -> TenantContext.runAs(t, () -> dbkit.addFlagsBatch(r.stream()
				.map((row) -> new AddFlagsBatchParams(row.featureKey(), row.isEnabled(), row.metadata()))
				.toList())));
			loads.put("dbkit :copyfrom", (t, r) -> TenantContext.runAs(t, () -> dbkit.addFlags(r)));
			dev.dbkit.benchmarks.rls.BulkFlagsRepository secured = new dev.dbkit.benchmarks.rls.BulkFlagsRepository(
					new QueryExecutor(new JdbcTemplate(database.applicationPool())));
			loads.put("dbkit :copyfrom, row-level security (" + DatabaseRoles.APPLICATION + ")",
					(t, r) -> TenantContext.runAs(t, () -> secured.addFlags(r.stream()
						.map((row) -> new dev.dbkit.benchmarks.rls.AddFlagsParams(row.featureKey(), row.isEnabled(),
								row.metadata()))
						.toList())));
			JdbcTemplate admin = new JdbcTemplate(pool);
			List<String> names = new ArrayList<>(loads.keySet());
			for (String name : names) { // warm-up, and a check that every side writes the same rows
				clear(admin);
				loads.get(name).run(tenant, rows);
				Long written = admin.queryForObject("SELECT count(*) FROM feature_flags WHERE tenant_id = ? AND "
						+ "feature_key LIKE 'bulk_%' AND metadata->>'n' = substring(feature_key from 6)::int::text",
						Long.class, tenant);
				if (written == null || written != count) {
					throw new IllegalStateException(name + " wrote " + written + " rows, not " + count);
				}
			}
			double[][] perRowByRow = new double[names.size()][rounds];
			double[][] perBatchUpdate = new double[names.size()][rounds];
			double[][] millis = new double[names.size()][rounds];
			Random shuffle = new Random(42);
			for (int round = 0; round < rounds; round++) {
				List<Integer> order = new ArrayList<>();
				for (int i = 0; i < names.size(); i++) {
					order.add(i);
				}
				java.util.Collections.shuffle(order, shuffle);
				long[] nanos = new long[names.size()];
				for (int side : order) {
					clear(admin);
					long started = System.nanoTime();
					loads.get(names.get(side)).run(tenant, rows);
					nanos[side] = System.nanoTime() - started;
				}
				for (int side = 0; side < names.size(); side++) {
					perRowByRow[side][round] = (double) nanos[0] / nanos[side];
					perBatchUpdate[side][round] = (double) nanos[1] / nanos[side];
					millis[side][round] = nanos[side] / 1e6;
				}
			}
			clear(admin);
			System.out.printf("PostgreSQL %s (embedded, fsync=off), %d rows per load, %d rounds%n%n",
					database.postgresVersion(), count, rounds);
			System.out.println("| load | speed-up over row by row | over batchUpdate | ms per load (this machine) |");
			System.out.println("| --- | --- | --- | --- |");
			for (int side = 0; side < names.size(); side++) {
				System.out.printf("| %s | %s | %s | %s |%n", names.get(side),
						Comparison.spread(perRowByRow[side], "%.2f"), Comparison.spread(perBatchUpdate[side], "%.2f"),
						Comparison.spread(millis[side], "%.0f"));
			}
		}
	}

	private static Load rowByRow(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		return (tenant, rows) -> transaction.executeWithoutResult((status) -> {
			for (AddFlagsParams row : rows) {
				jdbc.update(INSERT, tenant, row.featureKey(), row.isEnabled(), row.metadata());
			}
		});
	}

	private static Load batchUpdate(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		return (tenant, rows) -> transaction.executeWithoutResult((status) -> jdbc.batchUpdate(INSERT,
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						AddFlagsParams row = rows.get(i);
						ps.setObject(1, tenant);
						ps.setString(2, row.featureKey());
						ps.setBoolean(3, row.isEnabled());
						ps.setString(4, row.metadata());
					}

					@Override
					public int getBatchSize() {
						return rows.size();
					}

				}));
	}

	/** Removes the loaded rows and their dead tuples, so that every load finds the table as the first did. */
	private static void clear(JdbcTemplate admin) {
		admin.update("DELETE FROM feature_flags WHERE feature_key LIKE 'bulk_%'");
		admin.execute("VACUUM feature_flags");
	}

}
