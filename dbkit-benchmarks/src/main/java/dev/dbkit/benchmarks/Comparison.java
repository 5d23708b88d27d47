package dev.dbkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

import com.zaxxer.hikari.HikariDataSource;


/**
 * Compares the implementations the way the build machines allow (docs/benchmarks.md): one JVM, one pool, one
 * embedded PostgreSQL, the same data; every implementation runs each operation for a short slice in a shuffled
 * order, round after round; per round each throughput is divided by raw pgjdbc's in the same round, and the report
 * gives the median ratio with its quartiles, with the client-side CPU time and allocation per call beside it. Drift
 * of the machine hits every implementation alike and cancels out.
 * <p>
 * {@code mvn -q -pl dbkit-benchmarks -am package -DskipTests}, then in {@code dbkit-benchmarks}: {@code java -cp
 * "target/classes:$(cat target/classpath)" dev.dbkit.benchmarks.Comparison [rounds] [slice-ms]}
 */
public final class Comparison {

	// positions in the list of implementations the report compares
	private static final int RAW = 0;

	private static final int DBKIT = 1;

	private static final int EXPLICIT = 2;

	private static final int JDBC_CLIENT = 3;

	private static final int BARE_EXECUTOR = 8;

	static final String[] OPERATIONS = { "get one flag", "list 100 flags", "upsert RETURNING", "delete by id" };

	private Comparison() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		long sliceMillis = (args.length > 1) ? Long.parseLong(args[1]) : 150;
		try (BenchDatabase database = BenchDatabase.start()) {
			UUID[] tenants = database.tenants();
			List<FlagOps> implementations = implementations(database.pool());
			for (FlagOps implementation : implementations) {
				check(implementation, tenants);
			}
			Random random = new Random(42);
			// warm-up: every implementation and operation, in the same shuffled slices as the measurement
			measure(implementations, tenants, 5, sliceMillis, random);
			Measurements measurements = measure(implementations, tenants, rounds, sliceMillis, random);
			report(implementations, measurements, rounds, sliceMillis, database.postgresVersion());
		}
	}

	/** In the order of the report; the first is the floor every ratio is taken against. */
	static List<FlagOps> implementations(HikariDataSource pool) {
		return List.of(SpringJdbcOps.raw(pool), DbkitOps.injected(pool), DbkitOps.explicit(pool),
				SpringJdbcOps.jdbcClient(pool), SpringJdbcOps.namedParameters(pool), SpringDataOps.create(pool),
				JooqOps.create(pool), HibernateOps.create(pool), DbkitOps.withoutJdbcTemplate(pool));
	}

	/** Every implementation sees the same data. */
	/**
	 * Checks each implementation, warms up with 5 rounds, measures {@code rounds} and prints the run's heading: what
	 * {@link RowLevelSecurityComparison} and {@link ObservationComparison} share.
	 */
	static Measurements checkedRun(List<FlagOps> implementations, BenchDatabase database, int rounds, long sliceMillis)
			throws Exception {
		UUID[] tenants = database.tenants();
		for (FlagOps implementation : implementations) {
			check(implementation, tenants);
		}
		Random random = new Random(42);
		measure(implementations, tenants, 5, sliceMillis, random);
		Measurements m = measure(implementations, tenants, rounds, sliceMillis, random);
		System.out.printf("%d rounds of %d ms slices, PostgreSQL %s, pools of 4, one thread%n%n", rounds, sliceMillis,
				database.postgresVersion());
		return m;
	}

	static void check(FlagOps implementation, UUID[] tenants) {
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

	/**
	 * Per round, the operations in a shuffled order and, within each, the implementations in a shuffled order, so
	 * that the slices compared with each other run seconds apart at most. Besides throughput, each slice records
	 * the calling thread's CPU time and allocation per call: the client-side cost of an implementation without the
	 * wait for the server, which dominates the throughput of every one of them.
	 */
	static Measurements measure(List<FlagOps> implementations, UUID[] tenants, int rounds, long sliceMillis,
			Random random) {
		Measurements measurements = new Measurements(rounds, implementations.size(), OPERATIONS.length);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		List<Integer> operations = new ArrayList<>();
		for (int o = 0; o < OPERATIONS.length; o++) {
			operations.add(o);
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < implementations.size(); i++) {
			order.add(i);
		}
		for (int round = 0; round < rounds; round++) {
			Collections.shuffle(operations, random);
			for (int o : operations) {
				Collections.shuffle(order, random);
				for (int i : order) {
					ToIntFunction<Random> operation = operation(implementations.get(i), o, tenants);
					Random calls = new Random(round * 31L + o);
					long cpuBefore = threads.getCurrentThreadCpuTime();
					long bytesBefore = threads.getCurrentThreadAllocatedBytes();
					long started = System.nanoTime();
					long end = started + sliceMillis * 1_000_000;
					int count = 0;
					int sink = 0;
					while (System.nanoTime() < end) {
						sink += operation.applyAsInt(calls);
						count++;
					}
					long elapsed = System.nanoTime() - started;
					measurements.cpuNanosPerCall[round][i][o] = (threads.getCurrentThreadCpuTime() - cpuBefore)
							/ (double) count;
					measurements.bytesPerCall[round][i][o] = (threads.getCurrentThreadAllocatedBytes() - bytesBefore)
							/ (double) count;
					measurements.throughput[round][i][o] = count / (elapsed / 1e9);
					if (sink == Integer.MIN_VALUE) {
						System.out.print("");
					}
				}
			}
		}
		return measurements;
	}

	/** [round][implementation][operation]. */
	static final class Measurements {

		final double[][][] throughput;

		final double[][][] cpuNanosPerCall;

		final double[][][] bytesPerCall;

		Measurements(int rounds, int implementations, int operations) {
			this.throughput = new double[rounds][implementations][operations];
			this.cpuNanosPerCall = new double[rounds][implementations][operations];
			this.bytesPerCall = new double[rounds][implementations][operations];
		}

		/** Per round, a over b, for one operation. */
		double[] ratios(double[][][] values, int a, int b, int operation) {
			double[] ratios = new double[values.length];
			for (int round = 0; round < values.length; round++) {
				ratios[round] = values[round][a][operation] / values[round][b][operation];
			}
			return ratios;
		}

		double[] column(double[][][] values, int implementation, int operation) {
			double[] column = new double[values.length];
			for (int round = 0; round < values.length; round++) {
				column[round] = values[round][implementation][operation];
			}
			return column;
		}

	}

	static ToIntFunction<Random> operation(FlagOps implementation, int operation, UUID[] tenants) {
		return switch (operation) {
			case 0 -> (r) -> implementation.get(tenants[r.nextInt(BenchDatabase.TENANTS)], BenchDatabase.key(r.nextInt(BenchDatabase.FLAGS_PER_TENANT)));
			case 1 -> (r) -> implementation.list(tenants[r.nextInt(BenchDatabase.TENANTS)]);
			case 2 -> (r) -> implementation.upsert(tenants[r.nextInt(BenchDatabase.TENANTS)], BenchDatabase.key(r.nextInt(BenchDatabase.FLAGS_PER_TENANT)),
					r.nextBoolean(), "{\"n\": " + r.nextInt(100) + "}");
			default -> (r) -> {
				implementation.delete(tenants[r.nextInt(BenchDatabase.TENANTS)], new UUID(r.nextLong(), r.nextLong()));
				return 1;
			};
		};
	}

	private static void report(List<FlagOps> implementations, Measurements m, int rounds, long sliceMillis,
			String postgres) {
		System.out.printf("%d rounds of %d ms slices, PostgreSQL %s, pool of 4, one thread, %d tenants x %d flags%n%n",
				rounds, sliceMillis, postgres, BenchDatabase.TENANTS, BenchDatabase.FLAGS_PER_TENANT);
		System.out.println("Throughput, ratio to raw pgjdbc per round: median (quartiles)");
		table(implementations, (i, o) -> (i == RAW)
				? String.format("1.00 (%,.0f ops/s)", quantile(m.column(m.throughput, RAW, o), 0.5))
				: spread(m.ratios(m.throughput, i, RAW, o), "%.2f"));
		System.out.println();
		System.out.println("Client CPU per call, µs (median over rounds), and its ratio to raw pgjdbc's");
		table(implementations, (i, o) -> String.format("%.1f (%.2f)", quantile(m.column(m.cpuNanosPerCall, i, o), 0.5) / 1000,
				quantile(m.ratios(m.cpuNanosPerCall, i, RAW, o), 0.5)));
		System.out.println();
		System.out.println("Allocation per call, bytes (median over rounds)");
		table(implementations, (i, o) -> String.format("%,.0f", quantile(m.column(m.bytesPerCall, i, o), 0.5)));
		System.out.println();
		System.out.println("dbkit (tenant from TenantContext) against JdbcClient, per round: median (quartiles)");
		for (int o = 0; o < OPERATIONS.length; o++) {
			System.out.printf("  %-18s throughput %s, client CPU %s%n", OPERATIONS[o],
					spread(m.ratios(m.throughput, DBKIT, JDBC_CLIENT, o), "%.3f"),
					spread(m.ratios(m.cpuNanosPerCall, DBKIT, JDBC_CLIENT, o), "%.3f"));
		}
		System.out.println();
		System.out.println("dbkit's executor on JdbcTemplate against the bare-JDBC experiment, per round: median (quartiles)");
		for (int o = 0; o < OPERATIONS.length; o++) {
			System.out.printf("  %-18s throughput %s, client CPU %s, allocation %+.0f bytes%n", OPERATIONS[o],
					spread(m.ratios(m.throughput, DBKIT, BARE_EXECUTOR, o), "%.3f"),
					spread(m.ratios(m.cpuNanosPerCall, DBKIT, BARE_EXECUTOR, o), "%.3f"),
					quantile(m.column(m.bytesPerCall, DBKIT, o), 0.5)
							- quantile(m.column(m.bytesPerCall, BARE_EXECUTOR, o), 0.5));
		}
		System.out.println();
		System.out.println("Tenant from TenantContext against the tenant as a parameter, per round: median (quartiles)");
		for (int o = 0; o < OPERATIONS.length; o++) {
			double[] extraCpu = new double[rounds];
			double[] share = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				extraCpu[round] = m.cpuNanosPerCall[round][DBKIT][o] - m.cpuNanosPerCall[round][EXPLICIT][o];
				share[round] = extraCpu[round] / (1e9 / m.throughput[round][EXPLICIT][o]);
			}
			System.out.printf("  %-18s throughput %s, extra client CPU %s ns = %s %% of a call%n", OPERATIONS[o],
					spread(m.ratios(m.throughput, DBKIT, EXPLICIT, o), "%.3f"), spread(extraCpu, "%.0f"),
					spread(Arrays.stream(share).map((x) -> x * 100).toArray(), "%.2f"));
		}
	}

	static void table(List<FlagOps> implementations, Cell cell) {
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
				row.append(' ').append(cell.format(i, o)).append(" |");
			}
			System.out.println(row);
		}
	}

	interface Cell {

		String format(int implementation, int operation);

	}

	static String spread(double[] values, String format) {
		return String.format(format + " (" + format + "–" + format + ")", quantile(values, 0.5), quantile(values, 0.25),
				quantile(values, 0.75));
	}

	static double quantile(double[] values, double q) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double position = q * (sorted.length - 1);
		int low = (int) Math.floor(position);
		int high = (int) Math.ceil(position);
		return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
	}

}
