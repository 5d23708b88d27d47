package dev.dbkit.benchmarks;

import java.util.List;

/**
 * What observing every generated call costs, measured as {@link Comparison} measures (one JVM, one database,
 * shuffled slices, per-round ratios): raw pgjdbc, the generated calls without an observation registry (the default:
 * one flag checked per call) and with one that records a Micrometer timer per query.
 * <p>
 * In {@code dbkit-benchmarks}: {@code java -cp "target/classes:$(cat target/classpath)"
 * dev.dbkit.benchmarks.ObservationComparison [rounds] [slice-ms]}
 */
public final class ObservationComparison {

	private static final int RAW = 0;

	private static final int DBKIT = 1;

	private static final int OBSERVED = 2;

	private ObservationComparison() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		long sliceMillis = (args.length > 1) ? Long.parseLong(args[1]) : 150;
		try (BenchDatabase database = BenchDatabase.start()) {
			List<FlagOps> implementations = List.of(SpringJdbcOps.raw(database.pool()),
					DbkitOps.injected(database.pool()), DbkitOps.observed(database.pool()));
			Comparison.Measurements m = Comparison.checkedRun(implementations, database, rounds, sliceMillis);
			System.out.println("Throughput, ratio to raw pgjdbc per round: median (quartiles)");
			Comparison.table(implementations, (i, o) -> (i == RAW) ? "1.00"
					: Comparison.spread(m.ratios(m.throughput, i, RAW, o), "%.3f"));
			System.out.println();
			System.out.println("Observed against not observed, per round: median (quartiles)");
			for (int o = 0; o < Comparison.OPERATIONS.length; o++) {
				System.out.printf("  %-18s throughput %s, client CPU %s%n", Comparison.OPERATIONS[o],
						Comparison.spread(m.ratios(m.throughput, OBSERVED, DBKIT, o), "%.3f"),
						Comparison.spread(m.ratios(m.cpuNanosPerCall, OBSERVED, DBKIT, o), "%.3f"));
			}
		}
	}

}
