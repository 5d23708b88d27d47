package dev.dbkit.query;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.tenant.RowLevelSecurity;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row-level security behind a real PgBouncer in transaction pooling mode: several application pools multiplexed
 * onto fewer server connections, random tenants, concurrent calls. The tenant setting of one client's transaction
 * never reaches another's, a call without a tenant sees no tenant rows, and statements are sent unnamed
 * ({@code prepareThreshold=0}: PgBouncer before 1.21 keeps no prepared statements across transactions). The
 * migration runs on the server directly, as Flyway's session lock needs.
 * <p>
 * Needs the {@code pgbouncer} executable ({@code .ci/run} installs Debian's package); without it, the test says so
 * loudly and is aborted, not passed.
 */
class PgBouncerTests {

	private static final int TENANTS = 6;

	private static final int ROWS_PER_TENANT = 3;

	private static final int APPLICATIONS = 3;

	private static final int CONNECTIONS_PER_APPLICATION = 4;

	private static final int SERVER_CONNECTIONS = 2;

	private static final GeneratedQuery TENANT_BODIES = new GeneratedQuery("TenantBodies", "test", 1,
			GeneratedQuery.TENANT_SETTINGS + "SELECT tenant_id::text FROM notes", GeneratedQuery.Scope.TENANT);

	static TestDatabase db;

	static Process bouncer;

	static Path directory;

	static String bouncerUrl;

	static final List<UUID> tenants = new ArrayList<>();

	@BeforeAll
	static void startPgBouncer() throws Exception {
		Path executable = executable();
		if (executable == null) {
			String banner = "*".repeat(100);
			System.err.printf("%n%s%n* PgBouncerTests NOT RUN: no pgbouncer executable on this machine (PATH, /usr/sbin). "
					+ "Install it (apt-get install pgbouncer; .ci/run does) to test row-level security behind PgBouncer.%n%s%n%n",
					banner, banner);
			Assumptions.abort("pgbouncer is not installed");
		}
		db = TestPostgres.shared().createDatabase("pgbouncer");
		// the migration, on the server directly (a session-level advisory lock would not survive transaction pooling)
		db.execute("CREATE TABLE notes (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id UUID NOT NULL, "
				+ "body TEXT NOT NULL)");
		StringBuilder seed = new StringBuilder();
		for (int t = 0; t < TENANTS; t++) {
			UUID tenant = UUID.randomUUID();
			tenants.add(tenant);
			for (int r = 0; r < ROWS_PER_TENANT; r++) {
				seed.append("INSERT INTO notes (tenant_id, body) VALUES ('").append(tenant).append("', 'n").append(r)
					.append("');\n");
			}
		}
		db.execute(seed.toString());
		db.execute(RowLevelSecurity.statements("notes", "tenant_id"));

		directory = Files.createTempDirectory("dbkit-pgbouncer-");
		URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
		int port = freePort();
		Files.writeString(directory.resolve("userlist.txt"),
				"\"" + db.applicationUsername() + "\" \"" + db.applicationPassword() + "\"\n");
		Files.writeString(directory.resolve("pgbouncer.ini"), """
				[databases]
				%1$s = host=%2$s port=%3$d dbname=%1$s
				[pgbouncer]
				listen_addr = 127.0.0.1
				listen_port = %4$d
				unix_socket_dir =
				auth_type = trust
				auth_file = %5$s/userlist.txt
				pool_mode = transaction
				default_pool_size = %6$d
				max_client_conn = 100
				ignore_startup_parameters = extra_float_digits
				logfile = %5$s/pgbouncer.log
				pidfile = %5$s/pgbouncer.pid
				""".formatted(db.name(), server.getHost(), server.getPort(), port, directory, SERVER_CONNECTIONS));
		directory.toFile().setReadable(true, false);
		directory.toFile().setWritable(true, false);
		directory.toFile().setExecutable(true, false);
		List<String> command = new ArrayList<>(List.of(executable.toString()));
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
		}
		command.add(directory.resolve("pgbouncer.ini").toString());
		bouncer = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(directory.resolve("stdout.log").toFile())
			.start();
		awaitPort(port);
		bouncerUrl = "jdbc:postgresql://127.0.0.1:" + port + "/" + db.name() + "?prepareThreshold=0";
	}

	@AfterAll
	static void stopPgBouncer() throws Exception {
		if (bouncer != null) {
			bouncer.destroy();
			bouncer.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static Connection clientConnection() throws SQLException {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(bouncerUrl);
		dataSource.setUser(db.applicationUsername());
		dataSource.setPassword(db.applicationPassword());
		return dataSource.getConnection();
	}

	@Test
	void concurrentClientsOfSeveralPoolsNeverSeeAnotherTenantsRowsOrALeftoverSetting() throws Exception {
		int clients = APPLICATIONS * CONNECTIONS_PER_APPLICATION;
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		AtomicInteger calls = new AtomicInteger();
		AtomicInteger withoutTenant = new AtomicInteger();
		Map<String, Integer> leaks = new ConcurrentHashMap<>();
		int maxServerConnections;
		try (Connection admin = TestPostgres.shared().adminDataSource(db).getConnection()) {
			List<Future<?>> done = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				int seed = client;
				done.add(threads.submit(() -> {
					try (Connection connection = clientConnection()) {
						runClient(connection, new Random(seed), calls, withoutTenant, leaks);
					}
					return null;
				}));
			}
			maxServerConnections = 0;
			while (done.stream().anyMatch((f) -> !f.isDone())) {
				maxServerConnections = Math.max(maxServerConnections, serverConnections(admin));
				Thread.sleep(20);
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(leaks).as("rows of another tenant, or of any tenant without one").isEmpty();
		assertThat(calls.get()).isEqualTo(clients * 200);
		assertThat(withoutTenant.get()).isPositive();
		assertThat(maxServerConnections).as("client connections share fewer server connections")
			.isPositive()
			.isLessThanOrEqualTo(SERVER_CONNECTIONS);
	}

	/** One client connection: random tenants, generated calls in and out of transactions, plain SQL between them. */
	private static void runClient(Connection connection, Random random, AtomicInteger calls,
			AtomicInteger withoutTenant, Map<String, Integer> leaks) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
		QueryExecutor executor = new QueryExecutor(new JdbcTemplate(dataSource));
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		for (int i = 0; i < 200; i++) {
			UUID tenant = tenants.get(random.nextInt(TENANTS));
			List<String> seen;
			if (random.nextInt(4) == 0) {
				// in a transaction: the generated call sets the tenant, plain SQL after it sees that tenant's rows only
				seen = TenantContext.callAs(tenant, () -> transaction.execute((status) -> {
					List<String> rows = new ArrayList<>(tenantRows(executor, tenant));
					rows.addAll(plain.queryForList("SELECT tenant_id::text FROM notes", String.class));
					return rows;
				}));
				record(leaks, tenant, seen, 2 * ROWS_PER_TENANT);
			}
			else {
				seen = TenantContext.callAs(tenant, () -> tenantRows(executor, tenant));
				record(leaks, tenant, seen, ROWS_PER_TENANT);
			}
			calls.incrementAndGet();
			if (random.nextInt(3) == 0) {
				// a statement without a tenant: whatever server connection it lands on, it sees no tenant rows
				List<String> none = plain.queryForList("SELECT tenant_id::text FROM notes", String.class);
				withoutTenant.incrementAndGet();
				if (!none.isEmpty()) {
					leaks.merge("without a tenant", none.size(), Integer::sum);
				}
			}
		}
	}

	private static List<String> tenantRows(QueryExecutor executor, UUID tenant) {
		return executor.many(TENANT_BODIES, (ps) -> ps.setString(1, tenant.toString()), (rs) -> rs.getString(1));
	}

	private static void record(Map<String, Integer> leaks, UUID tenant, List<String> seen, int expected) {
		long own = seen.stream().filter(tenant.toString()::equals).count();
		if (own != seen.size() || seen.size() != expected) {
			leaks.merge("as " + tenant + ": " + seen, 1, Integer::sum);
		}
	}

	private static int serverConnections(Connection admin) throws SQLException {
		try (var statement = admin.prepareStatement(
				"SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND usename = ?")) {
			statement.setString(1, db.name());
			statement.setString(2, db.applicationUsername());
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static Path executable() {
		List<Path> candidates = new ArrayList<>();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!dir.isEmpty()) {
				candidates.add(Path.of(dir, "pgbouncer"));
			}
		}
		candidates.add(Path.of("/usr/sbin/pgbouncer"));
		return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitPort(int port) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			if (!bouncer.isAlive()) {
				throw new IllegalStateException("pgbouncer exited: " + Files.readString(directory.resolve("stdout.log"))
						+ readIfExists(directory.resolve("pgbouncer.log")));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("pgbouncer did not listen on port " + port + " within 20 s");
	}

	private static String readIfExists(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file) : "";
	}

}
