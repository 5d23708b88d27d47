package dev.dbkit.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the embedded binaries: nothing installed, no Docker.
 * <p>
 * Started with a data directory that it keeps ({@link #startPersistent(Path, int)}), its databases survive a
 * restart; started with {@link #startTemporary()}, its data is deleted when it is closed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** The superuser that the embedded server is initialised with. */
	public static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private final boolean persistent;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean persistent) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.persistent = persistent;
	}

	/**
	 * Starts a server whose data lives in {@code dataDirectory} and stays there when the server stops. An existing
	 * data directory is reused as it is.
	 * @param port the port, or 0 for a free one
	 */
	public static EmbeddedPostgresServer startPersistent(Path dataDirectory, int port) {
		Path directory = dataDirectory.toAbsolutePath();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the embedded PostgreSQL data directory " + directory, ex);
		}
		stopOrphan(directory);
		EmbeddedPostgresServer server = start(directory, false, port, Map.of());
		logger.info("Embedded PostgreSQL {} is running on port {}; its data lives in {} and is kept across restarts",
				server.version(), server.port(), directory);
		return server;
	}

	/**
	 * A server whose JVM was killed (SIGKILL, a crash) keeps running and holds its data directory, so the next start
	 * would fail. Stop it first: SIGTERM is PostgreSQL's smart shutdown, and nobody is connected to it any more.
	 */
	/** Whether a process's command is a PostgreSQL server: {@code .../bin/postgres}, or {@code postgres.exe}. */
	static boolean isPostgres(String command) {
		// either separator: the command of a Windows process is C:\...\postgres.exe
		String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1)
			.toLowerCase(java.util.Locale.ROOT);
		return name.equals("postgres") || name.equals("postgres.exe");
	}

	static void stopOrphan(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info().command().map(EmbeddedPostgresServer::isPostgres).orElse(false))
				.ifPresent((process) -> {
					logger.warn("A PostgreSQL left running by an earlier start (pid {}) holds {}; stopping it", pid,
							directory);
					process.destroy();
					try {
						process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException("Could not stop the PostgreSQL (pid " + pid + ") that holds "
								+ directory + "; stop it by hand and start again", ex);
					}
				});
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof IllegalStateException) {
				throw (IllegalStateException) ex;
			}
			logger.debug("Could not read {}: {}", pidFile, ex.getMessage());
		}
	}

	/**
	 * Starts a throw-away server for tests and analysis: a fresh data directory, deleted on {@link #close()}, and
	 * durability settings off (writes are cheaper than on a real server).
	 */
	public static EmbeddedPostgresServer startTemporary() {
		Path directory;
		try {
			directory = Files.createTempDirectory("dbkit-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for embedded PostgreSQL", ex);
		}
		Map<String, String> config = Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
				"max_connections", "300");
		EmbeddedPostgresServer server = start(directory, true, 0, config);
		logger.debug("Embedded PostgreSQL {} started on port {} in {}", server.version(), server.port(), directory);
		return server;
	}

	private static EmbeddedPostgresServer start(Path directory, boolean temporary, int port,
			Map<String, String> config) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(temporary)
			.setPGStartupWait(java.time.Duration.ofSeconds(60));
		if (port > 0) {
			builder.setPort(port);
		}
		config.forEach(builder::setServerConfig);
		try {
			return new EmbeddedPostgresServer(builder.start(), directory, !temporary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + directory + ": "
					+ ex.getMessage(), ex);
		}
		catch (IllegalStateException ex) {
			throw missingBinaries(ex, System.getProperty("os.name"), System.getProperty("os.arch"));
		}
	}

	/** zonky's "Missing embedded postgres binaries" as an error that names the artifact to add. */
	static RuntimeException missingBinaries(IllegalStateException ex, String osName, String osArch) {
		return (ex.getMessage() != null && ex.getMessage().contains("Missing embedded postgres binaries"))
				? new MissingPostgresBinariesException(osName, osArch, ex) : ex;
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	public boolean isPersistent() {
		return this.persistent;
	}

	/** The JDBC URL of a database on this server. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	/** A data source for a database on this server, connecting as {@link #USER}. */
	public DataSource dataSource(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl(database));
		dataSource.setUser(USER);
		return dataSource;
	}

	/** Creates a database unless it exists. */
	public void createDatabaseIfMissing(String database) {
		try (Connection connection = dataSource("postgres").getConnection();
				Statement statement = connection.createStatement()) {
			if (!exists(connection, database)) {
				statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (var rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	/**
	 * Prepares {@code database} for an application: created unless it exists, owned by {@link DatabaseRoles#OWNER},
	 * with {@link DatabaseRoles#APPLICATION} granted its rights, so that the migrations run as the owner and the
	 * application under row-level security. A database created by an earlier dbkit (owned by the superuser) is kept
	 * as it is and used as before, with a warning: its tables belong to the superuser, which no policy binds.
	 */
	public DatabaseUsers prepareApplicationDatabase(String database) {
		try (Connection connection = dataSource("postgres").getConnection()) {
			DatabaseRoles.createRoles(connection);
			if (!exists(connection, database)) {
				DatabaseRoles.createDatabase(connection, database);
			}
			else if (!DatabaseRoles.ownsDatabase(connection, database)) {
				logger.warn("The embedded database '{}' in {} was created by an earlier dbkit and belongs to the "
						+ "superuser, so the application connects as the superuser and row-level security does not "
						+ "apply to it; delete that directory (or choose another dbkit.embedded-postgres.database) to "
						+ "have it created anew with an owner role and an application role", database,
						this.dataDirectory);
				return new DatabaseUsers(USER, USER);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare database " + database + ": " + ex.getMessage(), ex);
		}
		try (Connection connection = dataSource(database).getConnection()) {
			DatabaseRoles.grantApplication(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not grant the application role its rights on " + database + ": "
					+ ex.getMessage(), ex);
		}
		return new DatabaseUsers(DatabaseRoles.OWNER, DatabaseRoles.APPLICATION);
	}

	/**
	 * Who connects to an application database.
	 * @param owner the role the migrations run as
	 * @param application the role of the application's {@code DataSource}
	 */
	public record DatabaseUsers(String owner, String application) {

		/** Whether the application runs as a role of its own, bound by row-level security. */
		public boolean separate() {
			return !this.owner.equals(this.application);
		}

	}

	/** The server's version, such as {@code 17.6}. */
	public String version() {
		try (Connection connection = dataSource("postgres").getConnection()) {
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			return "?";
		}
	}

	/** Stops the server; a temporary server's data directory is deleted. */
	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop embedded PostgreSQL", ex);
		}
	}

	@Override
	public String toString() {
		return "embedded PostgreSQL on port " + port() + " (" + this.dataDirectory + ")";
	}

}
