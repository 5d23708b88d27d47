package dev.dbkit.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a database that golang-migrate managed: when it has golang-migrate's {@code schema_migrations} table
 * and no Flyway history yet, Flyway's history is baselined at golang-migrate's version, so that only later
 * migrations run. A dirty golang-migrate database (a migration failed halfway) is refused.
 * <p>
 * {@code schema_migrations} is left in place: nothing is deleted.
 */
final class GolangMigrateAdoption {

	private static final Logger logger = LoggerFactory.getLogger(GolangMigrateAdoption.class);

	static final String DESCRIPTION = "adopted from golang-migrate schema_migrations";

	private GolangMigrateAdoption() {
	}

	static void adoptIfNeeded(Flyway flyway, MigrationCatalog catalog) {
		DataSource dataSource = flyway.getConfiguration().getDataSource();
		try (Connection connection = dataSource.getConnection()) {
			HistoryTable history = HistoryTable.of(flyway.getConfiguration(), connection);
			if (history.exists(connection)) {
				return;
			}
			String golang = "\"" + history.schema().replace("\"", "\"\"") + "\".schema_migrations";
			if (!HistoryTable.tableExists(connection, golang)) {
				return;
			}
			long version;
			boolean dirty;
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT version, dirty FROM " + golang + " ORDER BY version DESC LIMIT 1");
					ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return; // golang-migrate created the table but applied nothing
				}
				version = rs.getLong(1);
				dirty = rs.getBoolean(2);
			}
			if (dirty) {
				throw new MigrationException("schema_migrations (golang-migrate) marks version " + version
						+ " as dirty: a migration failed halfway and the schema may be half-applied. Repair the schema "
						+ "by hand, then run `migrate force " + version
						+ "` (or UPDATE schema_migrations SET dirty = false) and start again; dbkit will then adopt it.");
			}
			String versionText = catalog.find(version).map(Migration::versionText).orElse(Long.toString(version));
			Flyway.configure(flyway.getConfiguration().getClassLoader())
				.configuration(flyway.getConfiguration())
				.baselineVersion(versionText)
				.baselineDescription(DESCRIPTION)
				.load()
				.baseline();
			logger.info("Adopted a golang-migrate database at version {}: later versions will be applied by dbkit",
					versionText);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not check for a golang-migrate schema_migrations table: "
					+ ex.getMessage(), ex);
		}
	}

}
