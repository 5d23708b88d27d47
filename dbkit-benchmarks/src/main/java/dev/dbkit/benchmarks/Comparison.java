package dev.dbkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

import com.zaxxer.hikari.HikariDataSource;

import dev.dbkit.embedded.EmbeddedPostgresServer;
import dev.dbkit.migration.Migrator;

/**
 * Compares the implementations the way the build machines allow (docs/benchmarks.md): one JVM, one pool, one
 * embedded PostgreSQL, the same data; every implementation and operation runs for a short slice in a shuffled
 * order, round after round; per round each throughput is divided by raw pgjdbc's in the same round, and the report
 * gives the median ratio with its quartiles. Drift of the machine hits every implementation alike and cancels out.
 * <p>
 * {@code mvn -q -pl dbkit-benchmarks -am package -DskipTests && java -cp "$(cat dbkit-benchmarks/target/classpath)"
 * dev.dbkit.benchmarks.Comparison [rounds] [slice-ms]}
 */
public final class Comparison {

	static final int TENANTS = 50;

	static final int FLAGS_PER_TENANT = 100;

	private static final String[] OPERATIONS = { "get one flag", "list 100 flags", "upsert RETURNING", "delete by id" };

	private Comparison() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		long sliceMillis = (args.length > 1) ? Long.parseLong(args[1]) : 150;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
				HikariDataSource pool = new HikariDataSource()) {
			server.createDatabaseIfMissing("bench");
			pool.setJdbcUrl(server.jdbcUrl("bench"));
			pool.setUsername(EmbeddedPostgresServer.USER);
			pool.setMaximumPoolSize(4);
			Migrator.create(pool, "classpath:db/migrations").up();
			UUID[] tenants = seed(pool);
			List<FlagOps> implementations = List.of(SpringJdbcOps.raw(pool), DbkitOps.injected(pool),
					DbkitOps.explicit(pool), SpringJdbcOps.jdbcClient(pool), SpringJdbcOps.namedParameters(pool),
					SpringDataOps.create(pool), JooqOps.create(pool), HibernateOps.create(pool));
			for (FlagOps implementation : implementations) {
				check(implementation, tenants);
			}
			Random random = new Random(42);
			// warm-up: every implementation and operation, in the same shuffled slices as the measurement
			measure(implementations, tenants, 3, sliceMillis, random);
			double[][][] throughput = measure(implementations, tenants, rounds, sliceMillis, random);
			report(implementations, throughput, rounds, sliceMillis, server.version());
		}
	}

	/** Every implementation sees the same data. */
	private static void check(FlagOps implementation, UUID[] tenants) {
		UUID tenant = tenants[0];
		if (implementation.get(tenant, "flag_007") != 1 && implementation.get(tenant, "flag_007") <= 0) {
			throw new IllegalStateException(implementation.name() + " did not find flag_007");
		}
		int listed = implementation.list(tenant);
		if (listed <= 0) {
			throw new IllegalStateException(implementation.name() + " listed nothing");
		}
		implementation.upsert(tenant, "flag_007", true, "{\"n\": 7}");
		implementation.delete(tenant, UUID.randomUUID());
	}

	/** throughput[round][implementation][operation] in operations per second. */
	private static double[][][] measure(List<FlagOps> implementations, UUID[] tenants, int rounds, long sliceMillis,
			Random random) {
		double[][][] throughput = new double[rounds][implementations.size()][OPERATIONS.length];
		List<int[]> slices = new ArrayList<>();
		for (int i = 0; i < implementations.size(); i++) {
			for (int o = 0; o < OPERATIONS.length; o++) {
				slices.add(new int[] { i, o });
			}
		}
		for (int round = 0; round < rounds; round++) {
			Collections.shuffle(slices, random);
			for (int[] slice : slices) {
				FlagOps implementation = implementations.get(slice[0]);
				ToIntFunction<Random> operation = operation(implementation, slice[1], tenants);
				Random calls = new Random(round * 31L + slice[1]);
				long end = System.nanoTime() + sliceMillis * 1_000_000;
				long started = System.nanoTime();
				int count = 0;
				int sink = 0;
				while (System.nanoTime() < end) {
					sink += operation.applyAsInt(calls);
					count++;
				}
				if (sink == Integer.MIN_VALUE) {
					System.out.print("");
				}
				throughput[round][slice[0]][slice[1]] = count / ((System.nanoTime() - started) / 1e9);
			}
		}
		return throughput;
	}

	private static ToIntFunction<Random> operation(FlagOps implementation, int operation, UUID[] tenants) {
		return switch (operation) {
			case 0 -> (r) -> implementation.get(tenants[r.nextInt(TENANTS)], key(r.nextInt(FLAGS_PER_TENANT)));
			case 1 -> (r) -> implementation.list(tenants[r.nextInt(TENANTS)]);
			case 2 -> (r) -> implementation.upsert(tenants[r.nextInt(TENANTS)], key(r.nextInt(FLAGS_PER_TENANT)),
					r.nextBoolean(), "{\"n\": " + r.nextInt(100) + "}");
			default -> (r) -> {
				implementation.delete(tenants[r.nextInt(TENANTS)], new UUID(r.nextLong(), r.nextLong()));
				return 1;
			};
		};
	}

	private static void report(List<FlagOps> implementations, double[][][] throughput, int rounds, long sliceMillis,
			String postgres) {
		System.out.printf("%d rounds of %d ms slices, PostgreSQL %s, pool of 4, one thread, %d tenants x %d flags%n%n",
				rounds, sliceMillis, postgres, TENANTS, FLAGS_PER_TENANT);
		StringBuilder header = new StringBuilder("| implementation |");
		StringBuilder rule = new StringBuilder("| --- |");
		for (String operation : OPERATIONS) {
			header.append(' ').append(operation).append(" |");
			rule.append(" --- |");
		}
		System.out.println(header);
		System.out.println(rule);
		for (int i = 0; i < implementations.size(); i++) {
			StringBuilder row = new StringBuilder("| ").append(implementations.get(i).name()).append(" |");
			for (int o = 0; o < OPERATIONS.length; o++) {
				double[] ratios = new double[rounds];
				for (int round = 0; round < rounds; round++) {
					ratios[round] = throughput[round][i][o] / throughput[round][0][o];
				}
				if (i == 0) {
					double[] raw = new double[rounds];
					for (int round = 0; round < rounds; round++) {
						raw[round] = throughput[round][0][o];
					}
					row.append(String.format(" 1.00 (%,.0f ops/s) |", quantile(raw, 0.5)));
				}
				else {
					row.append(String.format(" %.2f (%.2f–%.2f) |", quantile(ratios, 0.5), quantile(ratios, 0.25),
							quantile(ratios, 0.75)));
				}
			}
			System.out.println(row);
		}
		Map<String, double[]> injection = new LinkedHashMap<>();
		for (int o = 0; o < OPERATIONS.length; o++) {
			double[] ratios = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				ratios[round] = throughput[round][1][o] / throughput[round][2][o];
			}
			injection.put(OPERATIONS[o], ratios);
		}
		System.out.println();
		System.out.println("tenant from TenantContext / tenant as a parameter (median, quartiles):");
		injection.forEach((operation, ratios) -> System.out.printf("  %-18s %.3f (%.3f–%.3f)%n", operation,
				quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75)));
	}

	static double quantile(double[] values, double q) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double position = q * (sorted.length - 1);
		int low = (int) Math.floor(position);
		int high = (int) Math.ceil(position);
		return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
	}

	private static String key(int n) {
		return String.format("flag_%03d", n);
	}

	private static UUID[] seed(HikariDataSource pool) throws SQLException {
		UUID[] tenants = new UUID[TENANTS];
		try (Connection connection = pool.getConnection()) {
			try (PreparedStatement tenant = connection.prepareStatement("INSERT INTO tenants (id, name) VALUES (?, ?)");
					PreparedStatement flag = connection.prepareStatement(
							"INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) VALUES (?, ?, ?, ?::jsonb)")) {
				for (int t = 0; t < TENANTS; t++) {
					tenants[t] = UUID.randomUUID();
					tenant.setObject(1, tenants[t]);
					tenant.setString(2, "tenant " + t);
					tenant.executeUpdate();
					for (int f = 0; f < FLAGS_PER_TENANT; f++) {
						flag.setObject(1, tenants[t]);
						flag.setString(2, key(f));
						flag.setBoolean(3, f % 2 == 0);
						flag.setString(4, "{\"n\": " + f + "}");
						flag.addBatch();
					}
					flag.executeBatch();
				}
			}
		}
		return tenants;
	}

}
