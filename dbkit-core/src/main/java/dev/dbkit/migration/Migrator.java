package dev.dbkit.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Numbered migrations against one database: {@link #up()} through Flyway, {@link #rollback(int)} with the
 * {@code .down.sql} files, and {@link #status()}.
 * <p>
 * Before Flyway runs, dbkit checks the files and the history itself, so that every problem is reported with the file
 * it is about and what to do about it.
 */
public final class Migrator {

	private final Flyway flyway;

	private final MigrationCatalog catalog;

	private final Duration lockTimeout;

	/**
	 * A migrator over a Flyway instance that is already configured with {@link FlywayNaming} for the catalog's
	 * location and {@link MigrationLocks} (as Spring Boot's auto-configured one is).
	 */
	public Migrator(Flyway flyway, MigrationCatalog catalog) {
		this(flyway, catalog, MigrationLocks.DEFAULT_LOCK_TIMEOUT);
	}

	/** As {@link #Migrator(Flyway, MigrationCatalog)}, with the lock timeout Flyway was configured with. */
	public Migrator(Flyway flyway, MigrationCatalog catalog, Duration lockTimeout) {
		this.flyway = flyway;
		this.catalog = catalog;
		this.lockTimeout = lockTimeout;
	}

	/** A migrator for the migrations at {@code location} on {@code dataSource}, with Flyway's defaults otherwise. */
	public static Migrator create(DataSource dataSource, String location) {
		return create(dataSource, location, MigrationLocks.DEFAULT_LOCK_TIMEOUT);
	}

	/** As {@link #create(DataSource, String)}, with a statement's longest wait for a lock. */
	public static Migrator create(DataSource dataSource, String location, Duration lockTimeout) {
		ClassLoader classLoader = Migrator.class.getClassLoader();
		MigrationCatalog catalog = MigrationCatalog.load(location, classLoader);
		FluentConfiguration configuration = FlywayNaming.apply(Flyway.configure(classLoader).dataSource(dataSource),
				catalog.location());
		return new Migrator(MigrationLocks.apply(configuration, lockTimeout).load(), catalog, lockTimeout);
	}

	public MigrationCatalog catalog() {
		return this.catalog;
	}

	public Flyway flyway() {
		return this.flyway;
	}

	/**
	 * Applies every pending version, lowest first, each in its own transaction, under Flyway's lock.
	 * @return the versions applied by this call (none when the database was up to date)
	 * @throws MigrationException when the files or the history have a problem, or a statement fails
	 */
	public List<Migration> up() {
		GolangMigrateAdoption.adoptIfNeeded(this.flyway, this.catalog);
		List<String> problems = problems(status());
		if (!problems.isEmpty()) {
			throw new MigrationException(problems);
		}
		MigrateResult result;
		try {
			result = this.flyway.migrate();
		}
		catch (FlywayMigrateException ex) {
			throw migrateFailure(ex);
		}
		return result.migrations.stream()
			.map((applied) -> this.catalog.find(Long.parseLong(applied.version)).orElseThrow())
			.toList();
	}

	/**
	 * Applies the pending versions up to and including {@code version}, as {@link #up()} does.
	 * @return the versions applied by this call
	 */
	public List<Migration> upTo(Migration version) {
		Flyway limited = Flyway.configure(this.flyway.getConfiguration().getClassLoader())
			.configuration(this.flyway.getConfiguration())
			.target(version.versionText())
			.load();
		return new Migrator(limited, this.catalog, this.lockTimeout).up();
	}

	/** Rolls back the latest {@code steps} applied versions, newest first (fewer when fewer are applied). */
	public List<Migration> rollback(int steps) {
		DataSource dataSource = this.flyway.getConfiguration().getDataSource();
		return new DownMigrator(dataSource, this.flyway.getConfiguration(), this.catalog, this.lockTimeout)
			.rollback(steps);
	}

	/** Every version known to the files or the history, lowest first. */
	public List<VersionStatus> status() {
		// Keyed by number: a baselined version appears in Flyway's info both as the baseline row and as a file.
		Map<Long, VersionStatus> statuses = new TreeMap<>();
		for (MigrationInfo info : this.flyway.info().all()) {
			if (info.getVersion() == null) {
				continue;
			}
			Migration migration = versionOf(info);
			String script = (migration != null) ? migration.up().path() : info.getScript();
			Instant installedOn = (info.getInstalledOn() != null) ? info.getInstalledOn().toInstant() : null;
			String description = (migration != null) ? migration.description() : info.getDescription();
			String versionText = (migration != null) ? migration.versionText() : info.getVersion().getVersion();
			Long number = MigrationCatalog.parseVersion(info.getVersion().getVersion());
			statuses.putIfAbsent((number != null) ? number : -1,
					new VersionStatus(versionText, description, statusOf(info), script, installedOn));
		}
		return new ArrayList<>(statuses.values());
	}

	/** The highest applied version, or 0. */
	public static long currentVersion(List<VersionStatus> statuses) {
		long current = 0;
		for (VersionStatus status : statuses) {
			if (status.status() != MigrationStatus.PENDING && status.status() != MigrationStatus.BELOW_CURRENT) {
				Long version = MigrationCatalog.parseVersion(status.versionText());
				current = Math.max(current, (version != null) ? version : 0);
			}
		}
		return current;
	}

	private List<String> problems(List<VersionStatus> statuses) {
		long current = currentVersion(statuses);
		return statuses.stream()
			.map((status) -> status.problem(current, this.catalog.location().toString()))
			.filter(Objects::nonNull)
			.toList();
	}

	private @Nullable Migration versionOf(MigrationInfo info) {
		Long version = MigrationCatalog.parseVersion(info.getVersion().getVersion());
		return (version != null) ? this.catalog.find(version).orElse(null) : null;
	}

	private static MigrationStatus statusOf(MigrationInfo info) {
		return switch (info.getState()) {
			case PENDING, ABOVE_TARGET -> MigrationStatus.PENDING;
			case IGNORED -> MigrationStatus.BELOW_CURRENT;
			case MISSING_SUCCESS, MISSING_FAILED, FUTURE_SUCCESS, FUTURE_FAILED -> MigrationStatus.APPLIED_BUT_MISSING;
			case BASELINE, BELOW_BASELINE, BASELINE_IGNORED -> MigrationStatus.BASELINE;
			case FAILED -> MigrationStatus.FAILED;
			default -> info.isChecksumMatching() ? MigrationStatus.APPLIED : MigrationStatus.CHECKSUM_CHANGED;
		};
	}

	private MigrationException migrateFailure(FlywayMigrateException ex) {
		MigrationInfo info = ex.getMigration();
		Migration migration = (info != null) ? versionOf(info) : null;
		String file = (migration != null) ? migration.up().path() : String.valueOf(info != null ? info.getScript() : "?");
		int line = ex.getLineNumber();
		String message = ex.getMessage();
		PSQLException psql = findCause(ex, PSQLException.class);
		if (psql != null && psql.getServerErrorMessage() != null) {
			ServerErrorMessage server = psql.getServerErrorMessage();
			message = server.getSeverity() + ": " + server.getMessage();
			String statement = statementOf(ex);
			if (line > 0 && statement != null && server.getPosition() > 0) {
				line = new dev.dbkit.sql.SqlStatement(statement, 0, line, 1).lineOf(server.getPosition());
			}
			if (MigrationLocks.LOCK_NOT_AVAILABLE.equals(psql.getSQLState())) {
				message = message + ": it " + MigrationLocks.timedOut(this.lockTimeout,
						MigrationLocks.holders(this.flyway.getConfiguration().getDataSource()));
			}
		}
		else if (findCause(ex, java.net.SocketTimeoutException.class) != null) {
			message = "the server did not answer within the connection's socket timeout: a statement ran too long "
					+ "(a build bounds each statement of a migration this way)";
		}
		else if (findCause(ex, SQLException.class) != null) {
			message = findCause(ex, SQLException.class).getMessage();
		}
		String where = (line > 0) ? file + ":" + line : file;
		String version = (migration != null) ? migration.versionText() : "?";
		String nonTransactional = (migration != null) ? MigrationLocks.nonTransactional(migration.up().sql()) : null;
		if (nonTransactional != null) {
			return new MigrationException(where + ": " + message + ". Version " + version + " was not applied. It "
					+ "holds " + nonTransactional + ", which PostgreSQL runs outside a transaction, so what ran before "
					+ "the failing statement stays (an index that failed to build is left INVALID: drop it) and the "
					+ "history records the failure: fix the cause, undo what stayed, then run flyway repair or "
					+ "remove the failed row, and migrate again.", ex);
		}
		return new MigrationException(where + ": " + message + ". Version " + version
				+ " was not applied: its transaction was rolled back and the history is unchanged. Fix the statement "
				+ "and run the migration again.", ex);
	}

	private static @Nullable String statementOf(FlywayException ex) {
		org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException script = findCause(ex,
				org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException.class);
		return (script != null) ? script.getStatement() : null;
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
