package dev.dbkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

import dev.dbkit.embedded.DatabaseRoles;
import dev.dbkit.embedded.EmbeddedPostgresServer;
import dev.dbkit.migration.Migrator;

/**
 * The setting every measurement shares: a temporary embedded PostgreSQL with the seed's schema, one HikariCP pool
 * of 4 connections, and the same data (50 tenants × 100 flags named {@code flag_000} to {@code flag_099}).
 */
final class BenchDatabase implements AutoCloseable {

	static final int TENANTS = 50;

	static final int FLAGS_PER_TENANT = 100;

	private final EmbeddedPostgresServer server;

	private final HikariDataSource pool = new HikariDataSource();

	private final HikariDataSource applicationPool = new HikariDataSource();

	private final UUID[] tenants;

	private BenchDatabase(EmbeddedPostgresServer server) throws SQLException {
		this.server = server;
		server.createDatabaseIfMissing("bench");
		this.pool.setJdbcUrl(server.jdbcUrl("bench"));
		this.pool.setUsername(EmbeddedPostgresServer.USER);
		this.pool.setMaximumPoolSize(4);
		Migrator.create(this.pool, "classpath:db/migrations").up();
		this.tenants = seed(this.pool);
		// the application's role: bound by the sample app's row-level security (000004), which the superuser
		// of the other pool bypasses
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			DatabaseRoles.createRoles(connection);
			statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "
					+ DatabaseRoles.APPLICATION);
		}
		this.applicationPool.setJdbcUrl(server.jdbcUrl("bench"));
		this.applicationPool.setUsername(DatabaseRoles.APPLICATION);
		this.applicationPool.setMaximumPoolSize(4);
	}

	static BenchDatabase start() throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
		try {
			return new BenchDatabase(server);
		}
		catch (Exception ex) {
			server.close();
			throw ex;
		}
	}

	HikariDataSource pool() {
		return this.pool;
	}

	/** A pool of the same size on the same database, as a role that row-level security binds. */
	HikariDataSource applicationPool() {
		return this.applicationPool;
	}

	/** The seeded tenants' ids. */
	UUID[] tenants() {
		return this.tenants;
	}

	String postgresVersion() {
		return this.server.version();
	}

	static String key(int n) {
		return String.format("flag_%03d", n);
	}

	@Override
	public void close() throws Exception {
		try {
			this.pool.close();
			this.applicationPool.close();
		}
		finally {
			this.server.close();
		}
	}

	private static UUID[] seed(HikariDataSource pool) throws SQLException {
		UUID[] tenants = new UUID[TENANTS];
		try (Connection connection = pool.getConnection();
				PreparedStatement tenant = connection.prepareStatement("INSERT INTO tenants (id, name) VALUES (?, ?)");
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
		return tenants;
	}

}
