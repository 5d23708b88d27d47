package dev.dbkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.dbkit.embedded.DatabaseRoles;

/**
 * What row-level security costs a generated call, on one connection: the generated calls without
 * {@code rowLevelSecurity}, as the superuser (no setting, no policy), against the same calls generated with it, as
 * the application's role ({@code SET ROLE}: the setting and the policy). One backend serves both sides, so that
 * neither gets a backend with other cached plans; the sides alternate in chunks of the same 200 calls, which side
 * goes first alternating too, so that the machine's drift hits both within milliseconds. Per block it reports the
 * ratio of the summed latencies and of the backend's CPU time ({@code /proc}); over the blocks, their median and
 * quartiles. Modes: {@code rls} (default), {@code setting} (the setting alone, as the superuser, whom no policy
 * binds) and {@code same} (the same calls on both sides: the method's own error).
 * <p>
 * In {@code dbkit-benchmarks}: {@code java -cp "target/classes:$(cat target/classpath)"
 * dev.dbkit.benchmarks.RowLevelSecurityCost [blocks] [calls-per-block] [mode]}
 */
public final class RowLevelSecurityCost {

	private static final int CHUNK = 200;

	private RowLevelSecurityCost() {
	}

	public static void main(String[] args) throws Exception {
		int blocks = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		String mode = (args.length > 2) ? args[2] : "rls";
		try (BenchDatabase database = BenchDatabase.start(); Connection connection = database.pool().getConnection()) {
			UUID[] tenants = database.tenants();
			SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
			FlagOps plain = DbkitOps.injected(one);
			FlagOps other = mode.equals("same") ? DbkitOps.injected(one) : DbkitOps.withRowLevelSecurity(one);
			boolean asApplication = mode.equals("rls");
			Comparison.check(plain, tenants);
			int listed = plain.list(tenants[1]);
			role(connection, asApplication);
			Comparison.check(other, tenants);
			if (other.list(tenants[1]) != listed) {
				throw new IllegalStateException("the calls under row-level security see other rows than without");
			}
			role(connection, false);
			long backend = backendPid(connection);
			System.out.printf("PostgreSQL %s, mode %s, %d blocks of %d calls per side and operation, in chunks of %d%n%n",
					database.postgresVersion(), mode, blocks, calls, CHUNK);
			System.out.println("| operation | latency with / without, median (quartiles) | server CPU with / without |");
			System.out.println("| --- | --- | --- |");
			for (int o = 0; o < Comparison.OPERATIONS.length; o++) {
				ToIntFunction<Random> with = Comparison.operation(other, o, tenants);
				ToIntFunction<Random> without = Comparison.operation(plain, o, tenants);
				run(connection, backend, without, with, asApplication, calls, new Random(-1)); // warm-up
				double[] latency = new double[blocks];
				double[] cpu = new double[blocks];
				for (int b = 0; b < blocks; b++) {
					double[] block = run(connection, backend, without, with, asApplication, calls, new Random(b));
					latency[b] = block[1] / block[0];
					cpu[b] = block[3] / block[2];
				}
				System.out.printf("| %s | %s | %s |%n", Comparison.OPERATIONS[o], Comparison.spread(latency, "%.3f"),
						Comparison.spread(cpu, "%.3f"));
			}
		}
	}

	/** Summed nanoseconds without and with, and the backend's CPU ticks without and with. */
	private static double[] run(Connection connection, long backend, ToIntFunction<Random> without,
			ToIntFunction<Random> with, boolean asApplication, int calls, Random random)
			throws IOException, SQLException {
		long[] nanos = new long[2];
		long[] ticks = new long[2];
		int sink = 0;
		for (int i = 0; i < calls; i += CHUNK) {
			long seed = random.nextLong();
			boolean withFirst = ((i / CHUNK) & 1) == 0;
			for (int turn = 0; turn < 2; turn++) {
				int side = ((turn == 0) == withFirst) ? 1 : 0;
				role(connection, side == 1 && asApplication);
				ToIntFunction<Random> operation = (side == 1) ? with : without;
				Random arguments = new Random(seed);
				long cpuBefore = cpuTicks(backend);
				long started = System.nanoTime();
				for (int c = 0; c < CHUNK; c++) {
					sink += operation.applyAsInt(arguments);
				}
				nanos[side] += System.nanoTime() - started;
				ticks[side] += cpuTicks(backend) - cpuBefore;
			}
		}
		role(connection, false);
		if (sink == Integer.MIN_VALUE) {
			System.out.print("");
		}
		return new double[] { nanos[0], nanos[1], Math.max(1, ticks[0]), Math.max(1, ticks[1]) };
	}

	private static void role(Connection connection, boolean application) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(application ? "SET ROLE " + DatabaseRoles.APPLICATION : "RESET ROLE");
		}
	}

	private static long backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** utime + stime of a local backend process, in clock ticks; 0 where /proc is not there. */
	private static long cpuTicks(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return 0;
		}
		String line = Files.readString(stat);
		String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

}
