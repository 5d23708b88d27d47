package dev.dbkit.codegen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
		db.admin("CREATE DATABASE \"" + database + "\"");
		return db;
	}

	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.url);
		dataSource.setUser(this.user);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	/** A connection that sends statements with the simple query protocol, so {@code $n} reaches the server as text. */
	public Connection simpleConnection() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		properties.setProperty("preferQueryMode", "simple");
		return DriverManager.getConnection(this.url, properties);
	}

	private void admin(String sql) {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		try (Connection connection = DriverManager.getConnection(this.adminUrl, properties);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Analysis database at " + this.adminUrl + ": " + ex.getMessage(), ex);
		}
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
			admin("DROP DATABASE IF EXISTS \"" + this.database + "\" WITH (FORCE)");
		}
	}

}
