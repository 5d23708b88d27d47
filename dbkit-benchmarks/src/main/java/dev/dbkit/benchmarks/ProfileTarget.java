package dev.dbkit.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * One operation of some implementations, each in a loop of its own for a while, for a profiler to look at (JFR:
 * see docs/benchmarks.md). Comparisons belong to {@link Comparison}; this only gives the profiler long, steady
 * stretches of one code path, in the same setting.
 * <p>
 * {@code ProfileTarget <operation 0-3> <seconds each> <implementation index>...} (indexes as in
 * {@link Comparison#implementations}).
 */
public final class ProfileTarget {

	private ProfileTarget() {
	}

	public static void main(String[] args) throws Exception {
		int operation = Integer.parseInt(args[0]);
		long seconds = Long.parseLong(args[1]);
		try (BenchDatabase database = BenchDatabase.start()) {
			UUID[] tenants = database.tenants();
			List<FlagOps> implementations = Comparison.implementations(database.pool());
			for (int a = 2; a < args.length; a++) {
				FlagOps implementation = implementations.get(Integer.parseInt(args[a]));
				Comparison.check(implementation, tenants);
				ToIntFunction<Random> call = Comparison.operation(implementation, operation, tenants);
				Random random = new Random(a);
				long end = System.nanoTime() + seconds * 1_000_000_000L;
				long calls = 0;
				long sink = 0;
				while (System.nanoTime() < end) {
					sink += call.applyAsInt(random);
					calls++;
				}
				System.out.printf("%s, %s: %,d calls (%d)%n", implementation.name(), Comparison.OPERATIONS[operation],
						calls, sink);
			}
		}
	}

}
