package dev.dbkit.codegen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

import dev.dbkit.embedded.EmbeddedPostgresServer;

/**
 * The PostgreSQL the queries are analysed on: a fresh database on an embedded server by default, or a fresh
 * database on a configured server, dropped afterwards. Either way the migrations are applied first, with the same
 * code that applies them in production. On the embedded server they run as the database's owner role
 * ({@link dev.dbkit.embedded.DatabaseRoles#OWNER}), not as a superuser.
 */
public final class AnalysisDatabase implements AutoCloseable {

	private final @Nullable EmbeddedPostgresServer embedded;

	private final String adminUrl;

	private final String url;

	private final String user;

	private final String password;

	private final String database;

	/** How long the build waits for the server's answer to one statement of a migration or the analysis. */
	public static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

	private Duration socketTimeout = SOCKET_TIMEOUT;

	private AnalysisDatabase(@Nullable EmbeddedPostgresServer embedded, String adminUrl, String url, String user,
			String password, String database) {
		this.embedded = embedded;
		this.adminUrl = adminUrl;
		this.url = url;
		this.user = user;
		this.password = password;
		this.database = database;
	}

	public static AnalysisDatabase start(@Nullable String serverUrl, @Nullable String user, @Nullable String password) {
		String database = "dbkit_codegen_" + UUID.randomUUID().toString().substring(0, 8);
		if (serverUrl == null || serverUrl.isBlank()) {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
			// as in production, the migrations run as a database owner that is not a superuser: what they create
			// (views, SECURITY DEFINER functions) has the rights it would have there
			EmbeddedPostgresServer.DatabaseUsers users = server.prepareApplicationDatabase(database);
			return new AnalysisDatabase(server, server.jdbcUrl("postgres"), server.jdbcUrl(database), users.owner(),
					"", database);
		}
		AnalysisDatabase db = new AnalysisDatabase(null, serverUrl, withDatabase(serverUrl, database),
				(user != null) ? user : "postgres", (password != null) ? password : "", database);
		db.admin((connection) -> {
			refusePrivilegedUser(connection, db.adminUrl, db.user);
			execute(connection, "CREATE DATABASE \"" + database + "\"");
		});
		return db;
	}

	/**
	 * The migrations' and the analysis' connections. A statement that keeps the server busy longer than
	 * {@link #SOCKET_TIMEOUT} (a migration that turns its statement timeout off and sleeps) ends the build with an
	 * error instead of hanging it.
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.url);
		dataSource.setUser(this.user);
		dataSource.setPassword(this.password);
		dataSource.setSocketTimeout((int) this.socketTimeout.toSeconds());
		return dataSource;
	}

	/** A connection that sends statements with the simple query protocol, so {@code $n} reaches the server as text. */
	public Connection simpleConnection() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		properties.setProperty("preferQueryMode", "simple");
		properties.setProperty("socketTimeout", Long.toString(this.socketTimeout.toSeconds()));
		return DriverManager.getConnection(this.url, properties);
	}

	/** As {@link #dataSource()}, with another bound on one statement's time (for tests). */
	AnalysisDatabase withSocketTimeout(Duration timeout) {
		this.socketTimeout = timeout;
		return this;
	}

	/**
	 * Migrations and query files run on the analysis server, and a build must be safe on a stranger's pull request:
	 * a superuser (or a member of the roles that read and write the server's files and run its programs) would let
	 * a hostile migration run a shell command there ({@code COPY ... TO PROGRAM}).
	 */
	private static void refusePrivilegedUser(Connection connection, String server, String user) throws SQLException {
		String check = "SELECT rolsuper OR pg_has_role(current_user, 'pg_execute_server_program', 'USAGE') "
				+ "OR pg_has_role(current_user, 'pg_write_server_files', 'USAGE') "
				+ "OR pg_has_role(current_user, 'pg_read_server_files', 'USAGE') FROM pg_roles WHERE rolname = current_user";
		try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(check)) {
			if (rs.next() && rs.getBoolean(1)) {
				throw new IllegalStateException("The analysis server " + server + " is used as " + user
						+ ", a superuser or a role that may run programs or touch files on the server: the migrations "
						+ "and query files of the build run there, and a hostile one could run a command on that "
						+ "machine (COPY ... TO PROGRAM). Give dbkit.analysisUser a role without those rights, for "
						+ "example CREATE ROLE dbkit_analysis LOGIN CREATEDB PASSWORD '...'");
			}
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Work on the configured server's administration database, as the configured user. */
	private void admin(AdminWork work) {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		try (Connection connection = DriverManager.getConnection(this.adminUrl, properties)) {
			work.run(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Analysis database at " + this.adminUrl + ": " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface AdminWork {

		void run(Connection connection) throws SQLException;

	}

	private static String withDatabase(String url, String database) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?');
		String host = (slash < 0) ? ((query < 0) ? url : url.substring(0, query)) : url.substring(0, slash);
		return host + "/" + database + ((query < 0) ? "" : url.substring(query));
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
		else {
			admin((connection) -> {
				// an autovacuum worker analysing the migrated tables cannot be terminated by a role without
				// superuser rights: it ends on its own within moments, so try again
				for (int attempt = 1;; attempt++) {
					try {
						execute(connection, "DROP DATABASE IF EXISTS \"" + this.database + "\" WITH (FORCE)");
						return;
					}
					catch (SQLException ex) {
						if (!"42501".equals(ex.getSQLState()) || attempt == 20) {
							throw ex;
						}
						try {
							Thread.sleep(250);
						}
						catch (InterruptedException interrupted) {
							Thread.currentThread().interrupt();
							throw ex;
						}
					}
				}
			});
		}
	}

}
