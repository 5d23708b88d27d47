package dev.dbkit.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jspecify.annotations.Nullable;

import dev.dbkit.sql.SqlLexer;
import dev.dbkit.sql.SqlScriptSplitter;
import dev.dbkit.sql.SqlStatement;

/**
 * How migrations wait, so that they never wait forever.
 * <ul>
 * <li>Flyway's lock is a session lock, not its default transaction-level one: that one is held by a connection that
 * sits idle in a transaction for the whole run, and {@code CREATE INDEX CONCURRENTLY} waits for every open
 * transaction to end, so a migration with it hung forever.</li>
 * <li>Every migration session has a {@code lock_timeout}: a statement that waits longer for a lock (a table a
 * long transaction holds, an index build waiting for old transactions) fails with the file and the sessions that
 * held it ({@link #holders}).</li>
 * </ul>
 */
public final class MigrationLocks {

	/** How long a migration statement waits for a lock by default. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

	/** PostgreSQL's error code for a lock wait that timed out ({@code lock_not_available}). */
	static final String LOCK_NOT_AVAILABLE = "55P03";

	private MigrationLocks() {
	}

	/** Applies both to a Flyway configuration; keeps an {@code initSql} already set, after dbkit's. */
	public static FluentConfiguration apply(FluentConfiguration configuration, Duration lockTimeout) {
		configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		String existing = configuration.getInitSql();
		String ours = setLockTimeout(lockTimeout);
		return configuration.initSql((existing == null || existing.isBlank()) ? ours : ours + ";\n" + existing);
	}

	/** {@code SET lock_timeout = '...ms'}. */
	static String setLockTimeout(Duration lockTimeout) {
		return "SET lock_timeout = '" + Math.max(1, lockTimeout.toMillis()) + "ms'";
	}

	/**
	 * The other sessions of the database that hold a transaction open or wait: who a timed-out lock wait was
	 * waiting for (the lock itself is gone once the statement is cancelled), for the error message.
	 */
	static String holders(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return holders(connection);
		}
		catch (SQLException ex) {
			return "(the sessions could not be listed: " + ex.getMessage() + ")";
		}
	}

	static String holders(Connection connection) throws SQLException {
		List<String> sessions = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT pid, usename, application_name, state, xact_start, left(regexp_replace(query, '\\s+', ' ', 'g'), 120)
				FROM pg_stat_activity
				WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
				ORDER BY xact_start
				LIMIT 5""");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				sessions.add("pid " + rs.getInt(1) + " (user " + rs.getString(2)
						+ (rs.getString(3).isEmpty() ? "" : ", application '" + rs.getString(3) + "'") + ", "
						+ rs.getString(4) + ", transaction open since " + rs.getObject(5, java.time.OffsetDateTime.class)
						+ ", last statement: " + rs.getString(6) + ")");
			}
		}
		return sessions.isEmpty() ? "no session with an open transaction is left (it ended meanwhile)"
				: String.join("; ", sessions);
	}

	/** The message for a lock wait that timed out. */
	static String timedOut(Duration lockTimeout, String holders) {
		return "waited more than " + lockTimeout.toSeconds() + " s (dbkit.migrations.lock-timeout) for a lock. "
				+ "Sessions with open transactions: " + holders + ". CREATE INDEX CONCURRENTLY waits for every "
				+ "transaction that was open when it started; end those (or wait for them) and run the migration again";
	}

	/**
	 * The first statement of a migration script that PostgreSQL refuses to run inside a transaction block, if it has
	 * one: such a migration runs without a transaction.
	 */
	public static @Nullable String nonTransactional(String script) {
		for (SqlStatement statement : SqlScriptSplitter.split(script)) {
			String kind = nonTransactionalStatement(statement.sql());
			if (kind != null) {
				return kind;
			}
		}
		return null;
	}

	private static @Nullable String nonTransactionalStatement(String sql) {
		List<String> words = new ArrayList<>();
		boolean leading = true;
		boolean concurrently = false;
		for (SqlLexer.Token token : SqlLexer.tokens(sql)) {
			if (token.insignificant()) {
				continue;
			}
			boolean word = token.kind() == SqlLexer.Kind.IDENTIFIER;
			concurrently |= word && token.text(sql).equalsIgnoreCase("CONCURRENTLY");
			leading &= word && words.size() < 6;
			if (leading) {
				words.add(token.text(sql).toUpperCase(Locale.ROOT));
			}
		}
		String head = String.join(" ", words);
		if (head.matches("CREATE (UNIQUE )?INDEX CONCURRENTLY.*")) {
			return "CREATE INDEX CONCURRENTLY";
		}
		if (head.startsWith("DROP INDEX CONCURRENTLY")) {
			return "DROP INDEX CONCURRENTLY";
		}
		if (head.startsWith("REINDEX") && concurrently) {
			return "REINDEX CONCURRENTLY";
		}
		for (String statement : List.of("VACUUM", "CREATE DATABASE", "DROP DATABASE", "CREATE TABLESPACE",
				"DROP TABLESPACE", "ALTER SYSTEM", "CREATE SUBSCRIPTION", "DROP SUBSCRIPTION")) {
			if (head.equals(statement) || head.startsWith(statement + " ")) {
				return statement;
			}
		}
		return null;
	}

	/** Sets the lock timeout on a connection of dbkit's own (the down runner's). */
	static void setOn(Connection connection, Duration lockTimeout) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(setLockTimeout(lockTimeout));
		}
	}

	/** Gives a borrowed connection its default lock timeout back. */
	static void resetOn(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET lock_timeout");
		}
	}

}
