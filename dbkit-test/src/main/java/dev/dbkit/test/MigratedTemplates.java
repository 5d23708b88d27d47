package dev.dbkit.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's migrations, applied once per JVM into a template database that every test class's database is
 * cloned from ({@code CREATE DATABASE ... TEMPLATE ...}): a fresh, fully migrated database in milliseconds instead
 * of migrating each one from scratch. The template's name carries a digest of the migration files, so a changed
 * migration builds a new template (and drops the stale ones on a server that outlives the JVM).
 * <p>
 * The migrations are found at {@code dbkit.test.migrations} ({@code DBKIT_TEST_MIGRATIONS}; a {@code classpath:} or
 * {@code filesystem:} location), else {@code classpath:db/migrations} when the class path has it; they are applied
 * as the database's owner with dbkit's naming, as Spring Boot's Flyway applies them with dbkit's starter, so that
 * the application's Flyway finds the clone up to date. {@code dbkit.test.template=false} turns this off (every class
 * gets an empty database, which the application's Flyway migrates).
 * <p>
 * dbkit's migration code is called reflectively: {@code dbkit-core} uses {@code dbkit-test} for its own tests, so
 * {@code dbkit-test} cannot depend on it; an application's tests have it through the starter.
 */
final class MigratedTemplates {

	static final String PREFIX = "dbkit_tpl_";

	private static final Logger logger = LoggerFactory.getLogger(MigratedTemplates.class);

	/** Per server and location: clones of the template made ahead of time, or null when there is none to clone. */
	private static final Map<String, @Nullable TemplatePool> POOLS = new HashMap<>();

	private MigratedTemplates() {
	}

	/**
	 * Clones of the template a test class's database comes from, the template built on first use
	 * ({@code dbkit.test.template-pool} clones kept ready, 2 by default); null for an empty database.
	 */
	static synchronized @Nullable TemplatePool poolFor(TestPostgres server) {
		String location = location();
		if (location == null) {
			return null;
		}
		String key = server.description() + "|" + location;
		if (!POOLS.containsKey(key)) {
			String template = build(server, location);
			String size = TestPostgres.setting("template-pool");
			POOLS.put(key, (template != null)
					? server.templatePool(template, (size != null) ? Integer.parseInt(size.trim()) : 2) : null);
		}
		return POOLS.get(key);
	}

	/** The template of {@link #poolFor}, for tests. */
	static synchronized @Nullable String templateFor(TestPostgres server) {
		TemplatePool pool = poolFor(server);
		return (pool != null) ? pool.template() : null;
	}

	private static @Nullable String location() {
		String enabled = TestPostgres.setting("template");
		if (enabled != null && enabled.trim().equalsIgnoreCase("false")) {
			return null;
		}
		String location = TestPostgres.setting("migrations");
		if (location != null) {
			return location.trim();
		}
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		boolean present = (classLoader != null ? classLoader : MigratedTemplates.class.getClassLoader())
			.getResource("db/migrations") != null;
		return present ? "classpath:db/migrations" : null;
	}

	static @Nullable String build(TestPostgres server, String location) {
		long start = System.nanoTime();
		String name = null;
		try {
			Class<?> migratorType = Class.forName("dev.dbkit.migration.Migrator", true,
					MigratedTemplates.class.getClassLoader());
			Method create = migratorType.getMethod("create", DataSource.class, String.class);
			Object probe = create.invoke(null, new org.postgresql.ds.PGSimpleDataSource(), location);
			Object catalog = migratorType.getMethod("catalog").invoke(probe);
			String fingerprint = (String) catalog.getClass().getMethod("fingerprint").invoke(catalog);
			name = PREFIX + fingerprint.substring(0, 16).toLowerCase(Locale.ROOT);
			if (server.templateExists(name)) {
				logger.info("Test databases are cloned from {} (the migrations at {}, built before)", name, location);
				return name;
			}
			server.dropStaleTemplates(PREFIX);
			TestDatabase template = server.createNamedDatabase(name);
			Object migrator = create.invoke(null, template.dataSource(), location);
			migratorType.getMethod("up").invoke(migrator);
			server.markTemplate(name);
			logger.info("Test databases are cloned from {}: the migrations at {} applied once, in {} ms", name,
					location, (System.nanoTime() - start) / 1_000_000);
			return name;
		}
		catch (ClassNotFoundException ex) {
			logger.info("No template database: dbkit-core is not on the class path; each test database is empty");
			return null;
		}
		catch (ReflectiveOperationException | java.sql.SQLException | RuntimeException ex) {
			Throwable cause = (ex instanceof InvocationTargetException target && target.getCause() != null)
					? target.getCause() : ex;
			// the application's own Flyway will report the migration's problem with its message, on an empty database
			logger.warn("No template database: the migrations at {} could not be applied ({}); each test database is "
					+ "empty and the application migrates it", location, cause.getMessage());
			if (name != null) {
				server.dropDatabaseQuietly(name);
			}
			return null;
		}
	}

}
