package dev.dbkit.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.flywaydb.core.api.configuration.Configuration;

/**
 * Flyway's schema history table, as dbkit reads and updates it for down migrations, and the advisory lock Flyway
 * takes around its own work on it.
 *
 * @param schema the schema that holds the table
 * @param table the table's name
 */
record HistoryTable(String schema, String table) {

	/** Flyway's base key for PostgreSQL advisory locks ({@code PostgreSQLAdvisoryLockTemplate}). */
	private static final long FLYWAY_LOCK_BASE = 77431708279161L;

	static HistoryTable of(Configuration configuration, Connection connection) throws SQLException {
		String schema = configuration.getDefaultSchema();
		if (schema == null && configuration.getSchemas().length > 0) {
			schema = configuration.getSchemas()[0];
		}
		if (schema == null) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
				rs.next();
				schema = rs.getString(1);
			}
		}
		if (schema == null) {
			throw new MigrationException("The connection has no current schema, so the migration history table "
					+ configuration.getTable() + " cannot be found: none of the schemas of its search_path exists or "
					+ "may be used by its role. Check the search_path and role of the user migrations connect as "
					+ "(ALTER DATABASE / ALTER ROLE ... SET), or set spring.flyway.default-schema");
		}
		return new HistoryTable(schema, configuration.getTable());
	}

	String qualifiedName() {
		return quote(this.schema) + "." + quote(this.table);
	}

	/**
	 * The advisory lock key Flyway uses for this table, so that a down migration and an up migration exclude each
	 * other. Flyway derives it from the quoted, qualified table name.
	 */
	long lockKey() {
		return FLYWAY_LOCK_BASE + qualifiedName().hashCode();
	}

	boolean exists(Connection connection) throws SQLException {
		return tableExists(connection, qualifiedName());
	}

	/** Whether a table exists, by its (quoted, qualified) name. */
	static boolean tableExists(Connection connection, String qualifiedName) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, qualifiedName);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** Rows with a version, highest version first. */
	List<AppliedVersion> appliedVersions(Connection connection) throws SQLException {
		List<AppliedVersion> versions = new ArrayList<>();
		String sql = "SELECT installed_rank, version, script, type, success FROM " + qualifiedName()
				+ " WHERE version IS NOT NULL";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				Long version = MigrationCatalog.parseVersion(rs.getString(2));
				versions.add(new AppliedVersion(rs.getInt(1), rs.getString(2), (version != null) ? version : -1,
						rs.getString(3), rs.getString(4), rs.getBoolean(5)));
			}
		}
		versions.sort(Comparator.comparingLong(AppliedVersion::version).reversed());
		return versions;
	}

	void delete(Connection connection, AppliedVersion version) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + qualifiedName() + " WHERE installed_rank = ?")) {
			statement.setInt(1, version.installedRank());
			statement.executeUpdate();
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** One versioned row of the history. */
	record AppliedVersion(int installedRank, String versionText, long version, String script, String type,
			boolean success) {

		boolean isBaseline() {
			return this.type.contains("BASELINE");
		}

	}

}
