package dev.dbkit.benchmarks;

import java.util.List;
import java.util.UUID;

/**
 * What row-level security costs, measured as {@link Comparison} measures (one JVM, one database, shuffled slices,
 * per-round ratios): raw pgjdbc and the generated calls as a superuser, which the policies do not bind, against the
 * same generated calls with {@code rowLevelSecurity} as the application's role, which they bind, on the same tables
 * and data; and those calls as the superuser, to tell the cost of the setting from that of the policies.
 * <p>
 * In {@code dbkit-benchmarks}: {@code java -cp "target/classes:$(cat target/classpath)"
 * dev.dbkit.benchmarks.RowLevelSecurityComparison [rounds] [slice-ms]}
 */
public final class RowLevelSecurityComparison {

	private static final int RAW = 0;

	private static final int DBKIT = 1;

	private static final int WITH_RLS = 2;

	private static final int SETTING_ONLY = 3;

	private RowLevelSecurityComparison() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		long sliceMillis = (args.length > 1) ? Long.parseLong(args[1]) : 150;
		try (BenchDatabase database = BenchDatabase.start()) {
			UUID[] tenants = database.tenants();
			List<FlagOps> implementations = List.of(SpringJdbcOps.raw(database.pool()),
					DbkitOps.injected(database.pool()), DbkitOps.withRowLevelSecurity(database.applicationPool()),
					DbkitOps.withRowLevelSecurity(database.pool()));
			if (implementations.get(WITH_RLS).list(tenants[0]) != implementations.get(DBKIT).list(tenants[0])) {
				throw new IllegalStateException("the calls under row-level security see other rows than without");
			}
			Comparison.Measurements m = Comparison.checkedRun(implementations, database, rounds, sliceMillis);
			System.out.println("Throughput, ratio to raw pgjdbc per round: median (quartiles)");
			Comparison.table(implementations, (i, o) -> (i == RAW) ? "1.00"
					: Comparison.spread(m.ratios(m.throughput, i, RAW, o), "%.3f"));
			System.out.println();
			System.out.println("With row-level security against without, per round: median (quartiles)");
			for (int o = 0; o < Comparison.OPERATIONS.length; o++) {
				System.out.printf("  %-18s throughput %s, client CPU %s%n", Comparison.OPERATIONS[o],
						Comparison.spread(m.ratios(m.throughput, WITH_RLS, DBKIT, o), "%.3f"),
						Comparison.spread(m.ratios(m.cpuNanosPerCall, WITH_RLS, DBKIT, o), "%.3f"));
			}
			System.out.println();
			System.out.println("Where it goes: the setting statement alone (as the superuser, whom no policy binds) against "
					+ "without, and the policies against the setting alone");
			for (int o = 0; o < Comparison.OPERATIONS.length; o++) {
				System.out.printf("  %-18s setting %s, policies %s%n", Comparison.OPERATIONS[o],
						Comparison.spread(m.ratios(m.throughput, SETTING_ONLY, DBKIT, o), "%.3f"),
						Comparison.spread(m.ratios(m.throughput, WITH_RLS, SETTING_ONLY, o), "%.3f"));
			}
		}
	}

}
