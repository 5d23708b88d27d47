package dev.dbkit.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dbkit.migration.HistoryTable.AppliedVersion;
import dev.dbkit.sql.SqlScriptSplitter;
import dev.dbkit.sql.SqlStatement;

/**
 * Rolls back the latest applied versions with their {@code .down.sql} files, newest first.
 * <p>
 * Each version is rolled back in one transaction together with the removal of its history row, so a down that
 * fails halfway leaves schema and history as they were; a down file with a statement PostgreSQL runs only outside a
 * transaction ({@code DROP INDEX CONCURRENTLY}) runs one statement at a time instead. Every statement waits for a
 * lock at most {@code lockTimeout} ({@link MigrationLocks}). The whole run holds Flyway's own advisory lock, so an up
 * migration (or another down) cannot run at the same time.
 */
public final class DownMigrator {

	private static final Logger logger = LoggerFactory.getLogger(DownMigrator.class);

	private final DataSource dataSource;

	private final Configuration configuration;

	private final MigrationCatalog catalog;

	private final Duration lockTimeout;

	public DownMigrator(DataSource dataSource, Configuration configuration, MigrationCatalog catalog) {
		this(dataSource, configuration, catalog, MigrationLocks.DEFAULT_LOCK_TIMEOUT);
	}

	/** @param lockTimeout a statement's longest wait for a lock */
	public DownMigrator(DataSource dataSource, Configuration configuration, MigrationCatalog catalog,
			Duration lockTimeout) {
		this.dataSource = dataSource;
		this.configuration = configuration;
		this.catalog = catalog;
		this.lockTimeout = lockTimeout;
	}

	/**
	 * Rolls back up to {@code steps} versions; fewer when fewer are applied.
	 * @return the versions rolled back, in the order they were rolled back
	 */
	public List<Migration> rollback(int steps) {
		if (steps < 1) {
			throw new IllegalArgumentException("steps must be at least 1, was " + steps);
		}
		try (Connection connection = this.dataSource.getConnection()) {
			HistoryTable history = HistoryTable.of(this.configuration, connection);
			if (!history.exists(connection)) {
				return List.of();
			}
			lock(connection, history);
			MigrationLocks.setOn(connection, this.lockTimeout);
			try {
				return rollback(connection, history, steps);
			}
			finally {
				MigrationLocks.resetOn(connection);
				unlock(connection, history);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Rollback failed: " + ex.getMessage(), ex);
		}
	}

	private List<Migration> rollback(Connection connection, HistoryTable history, int steps) throws SQLException {
		List<AppliedVersion> applied = history.appliedVersions(connection);
		List<AppliedVersion> chosen = applied.subList(0, Math.min(steps, applied.size()));
		// Check every step before running any, so that a run either can do all it was asked or does nothing.
		List<Migration> migrations = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (AppliedVersion version : chosen) {
			if (version.isBaseline()) {
				problems.add("version " + version.versionText() + " is a baseline (" + version.script()
						+ "), not a migration dbkit applied: the database cannot be rolled back below it.");
				continue;
			}
			Migration migration = this.catalog.find(version.version()).orElse(null);
			if (migration == null) {
				problems.add("version " + version.versionText() + " (" + version.script()
						+ ") is applied but its files are missing from " + this.catalog.location()
						+ ". Restore " + version.script().replace(".up.sql", ".down.sql") + " to roll it back.");
				continue;
			}
			migrations.add(migration);
		}
		if (!problems.isEmpty()) {
			throw new MigrationException(problems);
		}
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		List<Migration> done = new ArrayList<>();
		try {
			for (int i = 0; i < migrations.size(); i++) {
				Migration migration = migrations.get(i);
				long started = System.nanoTime();
				run(connection, history, chosen.get(i), migration, done);
				done.add(migration);
				logger.info("Rolled back version {} ({}) in {} ms", migration.versionText(), migration.down().path(),
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		return done;
	}

	/**
	 * Runs a down file and removes its history row, in one transaction; a down file with a statement PostgreSQL
	 * refuses in a transaction ({@code DROP INDEX CONCURRENTLY}) runs one statement at a time, as golang-migrate
	 * runs it, and the history row goes when every statement has run.
	 */
	private void run(Connection connection, HistoryTable history, AppliedVersion version, Migration migration,
			List<Migration> done) throws SQLException {
		String nonTransactional = MigrationLocks.nonTransactional(migration.down().sql());
		@Nullable SqlStatement current = null;
		connection.setAutoCommit(nonTransactional != null);
		try (Statement statement = connection.createStatement()) {
			for (SqlStatement sql : SqlScriptSplitter.split(migration.down().sql())) {
				current = sql;
				statement.execute(sql.sql());
			}
			current = null;
			history.delete(connection, version);
			if (nonTransactional == null) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			if (nonTransactional == null) {
				connection.rollback();
			}
			throw failure(migration, current, ex, done, nonTransactional);
		}
		finally {
			connection.setAutoCommit(false);
		}
	}

	private MigrationException failure(Migration migration, @Nullable SqlStatement statement, SQLException ex,
			List<Migration> done, @Nullable String nonTransactional) {
		String where = migration.down().path();
		String message = ex.getMessage();
		if (statement != null) {
			int line = statement.line();
			if (ex instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				ServerErrorMessage server = psql.getServerErrorMessage();
				line = statement.lineOf(server.getPosition());
				message = server.getSeverity() + ": " + server.getMessage();
			}
			where = where + ":" + line;
		}
		if (MigrationLocks.LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
			message = message + ": it " + MigrationLocks.timedOut(this.lockTimeout, MigrationLocks.holders(this.dataSource));
		}
		String rolledBack = done.isEmpty() ? "" : " Versions rolled back before it: "
				+ String.join(", ", done.stream().map(Migration::versionText).toList()) + ".";
		String unchanged = (nonTransactional != null)
				? " was not rolled back. Its down file holds " + nonTransactional + ", which PostgreSQL runs outside a "
						+ "transaction, so it ran one statement at a time: the statements before this one stay done, "
						+ "and the history row is unchanged (make the down file safe to run again, as DROP INDEX "
						+ "CONCURRENTLY IF EXISTS is)."
				: " was not rolled back: its schema changes and history row are unchanged.";
		return new MigrationException(where + ": " + message + ". Version " + migration.versionText() + unchanged
				+ rolledBack + " Fix the down file and run rollback again.", ex);
	}

	private static void lock(Connection connection, HistoryTable history) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
			statement.setLong(1, history.lockKey());
			statement.execute();
		}
	}

	private static void unlock(Connection connection, HistoryTable history) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, history.lockKey());
			statement.execute();
		}
	}

}
