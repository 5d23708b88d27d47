package dev.dbkit.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dbkit.embedded.DatabaseRoles;
import dev.dbkit.embedded.EmbeddedPostgresServer;

/**
 * The PostgreSQL server of a test JVM, chosen once, in this order:
 * <ol>
 * <li>an explicit JDBC URL: system property {@code dbkit.test.jdbc-url} or environment variable
 * {@code DBKIT_TEST_JDBC_URL} (with {@code dbkit.test.username}/{@code DBKIT_TEST_USERNAME} and
 * {@code dbkit.test.password}/{@code DBKIT_TEST_PASSWORD}); the URL's database is used to create the others;</li>
 * <li>Testcontainers ({@code postgres:17-alpine}), when it is on the class path and a Docker engine answers;</li>
 * <li>embedded PostgreSQL 17, started from a jar.</li>
 * </ol>
 * {@code dbkit.test.server} / {@code DBKIT_TEST_SERVER} ({@code url}, {@code testcontainers}, {@code embedded})
 * forces one. Every test class then gets a database of its own from {@link #createDatabase(String)}.
 */
public final class TestPostgres {

	private static final Logger logger = LoggerFactory.getLogger(TestPostgres.class);

	/** Where the server comes from. */
	public enum Kind {

		/** An explicitly configured server. */
		URL,

		/** A Testcontainers container. */
		TESTCONTAINERS,

		/** Embedded PostgreSQL. */
		EMBEDDED

	}

	private static @Nullable TestPostgres shared;

	private final Kind kind;

	private final String adminUrl;

	private final String username;

	private final String password;

	private final String description;

	private boolean rolesCreated;

	private TestPostgres(Kind kind, String adminUrl, String username, String password, String description) {
		this.kind = kind;
		this.adminUrl = adminUrl;
		this.username = username;
		this.password = password;
		this.description = description;
	}

	/** The server of this JVM, started on first use and stopped when the JVM exits. */
	public static synchronized TestPostgres shared() {
		if (shared == null) {
			shared = start(TestPostgres::setting);
			logger.info("Tests use {}", shared.description);
		}
		return shared;
	}

	/** Connects to an existing server; {@code adminUrl}'s database is used to create test databases. */
	public static TestPostgres forUrl(String adminUrl, String username, String password) {
		return new TestPostgres(Kind.URL, adminUrl, username, password, "PostgreSQL at " + adminUrl);
	}

	static TestPostgres forContainer(String adminUrl, String username, String password, String description) {
		return new TestPostgres(Kind.TESTCONTAINERS, adminUrl, username, password, description);
	}

	static TestPostgres start(Function<String, @Nullable String> settings) {
		return switch (choose(settings, TestPostgres::dockerAnswers)) {
			case URL -> forUrl(required(settings, "jdbc-url"), orDefault(settings.apply("username"), "postgres"),
					orDefault(settings.apply("password"), ""));
			case TESTCONTAINERS -> ContainerPostgres.start();
			case EMBEDDED -> startEmbedded();
		};
	}

	/**
	 * Which server to use: forced by {@code server}, else a URL when {@code jdbc-url} is set, else Testcontainers
	 * when Docker answers, else embedded.
	 */
	static Kind choose(Function<String, @Nullable String> settings, BooleanSupplier dockerAnswers) {
		String forced = settings.apply("server");
		if (forced != null && !forced.isBlank()) {
			try {
				return Kind.valueOf(forced.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("dbkit.test.server is '" + forced
						+ "'; use one of url, testcontainers, embedded (or leave it unset to choose automatically)");
			}
		}
		if (settings.apply("jdbc-url") != null) {
			return Kind.URL;
		}
		return dockerAnswers.getAsBoolean() ? Kind.TESTCONTAINERS : Kind.EMBEDDED;
	}

	private static TestPostgres startEmbedded() {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dbkit-test-postgres-stop"));
		return new TestPostgres(Kind.EMBEDDED, server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "",
				"embedded PostgreSQL " + server.version() + " on port " + server.port());
	}

	/**
	 * Whether Testcontainers can be used: it is on the class path, something points at a Docker engine, and the
	 * engine answers. The cheap checks come first so that machines without Docker do not wait for a probe.
	 */
	static boolean dockerAnswers() {
		if (!isPresent("org.testcontainers.DockerClientFactory")) {
			return false;
		}
		boolean configured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
		return configured && ContainerPostgres.dockerAvailable();
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, TestPostgres.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	public Kind kind() {
		return this.kind;
	}

	public String description() {
		return this.description;
	}

	/**
	 * Creates a new, empty database whose name starts with a form of {@code hint} (a test class's name), owned by
	 * {@link DatabaseRoles#OWNER}, with {@link DatabaseRoles#APPLICATION} granted what it needs.
	 */
	public TestDatabase createDatabase(String hint) {
		return createNamedDatabase(databaseName(hint));
	}

	/**
	 * Creates a new database whose name starts with a form of {@code hint}, a copy of {@code template} (schema,
	 * history and rows), owned by {@link DatabaseRoles#OWNER}, with {@link DatabaseRoles#APPLICATION} granted what it
	 * needs (the database's own grants are not copied).
	 */
	public TestDatabase cloneDatabase(String hint, String template) {
		String name = databaseName(hint);
		try (Connection connection = DriverManager.getConnection(this.adminUrl, connectionProperties())) {
			ensureRoles(connection);
			DatabaseRoles.createDatabase(connection, name, template);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " from template " + template
					+ " on " + this.description + ": " + ex.getMessage() + rolesHint(ex), ex);
		}
		return granted(name);
	}

	/**
	 * A template database with the migrations at {@code location} ({@code classpath:} or {@code filesystem:})
	 * applied, built unless one of the same files exists, for {@link #cloneDatabase(String, String)}; null when
	 * they cannot be applied (the log says why).
	 */
	public @Nullable String migratedTemplate(String location) {
		return MigratedTemplates.build(this, location);
	}

	/** Clones of {@code template} made ahead of time, {@code size} kept ready by a background thread. */
	public TemplatePool templatePool(String template, int size) {
		return new TemplatePool(this, template, size);
	}

	TestDatabase createNamedDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, connectionProperties())) {
			ensureRoles(connection);
			DatabaseRoles.createDatabase(connection, name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " on " + this.description
					+ ": " + ex.getMessage() + rolesHint(ex), ex);
		}
		return granted(name);
	}

	private TestDatabase granted(String name) {
		try (Connection connection = DriverManager.getConnection(urlFor(name), connectionProperties())) {
			DatabaseRoles.grantApplication(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not grant " + DatabaseRoles.APPLICATION + " its rights on test database "
					+ name + ": " + ex.getMessage(), ex);
		}
		return new TestDatabase(name, urlFor(name), DatabaseRoles.OWNER, DatabaseRoles.OWNER_PASSWORD,
				DatabaseRoles.APPLICATION, DatabaseRoles.APPLICATION_PASSWORD);
	}

	boolean templateExists(String name) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, connectionProperties());
				PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	/** Marks a database a template, so that a clone needs no ownership of it; best effort. */
	void markTemplate(String name) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, connectionProperties());
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + DatabaseRoles.quote(name) + " WITH IS_TEMPLATE true");
		}
		catch (SQLException ex) {
			logger.debug("Could not mark {} a template: {}", name, ex.getMessage());
		}
	}

	/** Templates of earlier migrations on a server that outlived their JVM: nobody clones them any more. */
	void dropStaleTemplates(String prefix) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, connectionProperties());
				PreparedStatement statement = connection.prepareStatement(
						"SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
			statement.setString(1, prefix);
			java.util.List<String> stale = new java.util.ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					stale.add(rs.getString(1));
				}
			}
			stale.forEach(this::dropDatabaseQuietly);
		}
	}

	void dropDatabaseQuietly(String name) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, connectionProperties());
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + DatabaseRoles.quote(name) + " WITH IS_TEMPLATE false");
			statement.execute("DROP DATABASE IF EXISTS " + DatabaseRoles.quote(name) + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			logger.debug("Could not drop {}: {}", name, ex.getMessage());
		}
	}

	/**
	 * The server's administrator on {@code database}, for the little in a test's set-up that only an administrator
	 * may do (an extension that is not trusted, such as {@code dblink}). Tests of the application use
	 * {@link TestDatabase#dataSource()} (the owner) and {@link TestDatabase#applicationDataSource()}.
	 */
	public DataSource adminDataSource(TestDatabase database) {
		return asAdministrator(database).dataSource();
	}

	/**
	 * {@code database} with the server's administrator in the owner's place, for a test whose schema only a superuser
	 * may create (operator classes, untrusted languages); the application role is unchanged.
	 */
	public TestDatabase asAdministrator(TestDatabase database) {
		return new TestDatabase(database.name(), database.jdbcUrl(), this.username, this.password,
				database.applicationUsername(), database.applicationPassword());
	}

	private synchronized void ensureRoles(Connection admin) throws SQLException {
		if (!this.rolesCreated) {
			DatabaseRoles.createRoles(admin);
			this.rolesCreated = true;
		}
	}

	private String rolesHint(SQLException ex) {
		return "42501".equals(ex.getSQLState()) ? "; dbkit-test creates the roles " + DatabaseRoles.OWNER + " and "
				+ DatabaseRoles.APPLICATION + " and databases owned by the first: connect as a superuser or a role with"
				+ " CREATEROLE and CREATEDB (dbkit.test.username)" : "";
	}

	private Properties connectionProperties() {
		Properties properties = new Properties();
		properties.setProperty("user", this.username);
		properties.setProperty("password", this.password);
		return properties;
	}

	static String databaseName(String hint) {
		String base = hint.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
		if (base.length() > 40) {
			base = base.substring(base.length() - 40);
		}
		return "t_" + base + "_" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The admin URL with its database replaced by {@code database}, keeping host, port and parameters. */
	String urlFor(String database) {
		String prefix = "jdbc:postgresql://";
		if (!this.adminUrl.startsWith(prefix)) {
			throw new IllegalStateException("dbkit.test.jdbc-url must be a jdbc:postgresql:// URL, was " + this.adminUrl);
		}
		int pathStart = this.adminUrl.indexOf('/', prefix.length());
		int query = this.adminUrl.indexOf('?');
		String hostPart = (pathStart < 0) ? ((query < 0) ? this.adminUrl : this.adminUrl.substring(0, query))
				: this.adminUrl.substring(0, pathStart);
		String params = (query < 0) ? "" : this.adminUrl.substring(query);
		return hostPart + "/" + database + params;
	}

	static @Nullable String setting(String name) {
		String property = System.getProperty("dbkit.test." + name);
		if (property != null && !property.isBlank()) {
			return property;
		}
		String env = System.getenv("DBKIT_TEST_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
		return (env != null && !env.isBlank()) ? env : null;
	}

	private static String required(Function<String, @Nullable String> settings, String name) {
		String value = settings.apply(name);
		if (value == null) {
			throw new IllegalStateException("dbkit.test.server=url needs dbkit.test." + name
					+ " (or DBKIT_TEST_" + name.replace('-', '_').toUpperCase(Locale.ROOT) + ")");
		}
		return value;
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (value != null) ? value : fallback;
	}

}
