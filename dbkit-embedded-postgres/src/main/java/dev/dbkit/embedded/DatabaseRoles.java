package dev.dbkit.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The roles of a database that row-level security can protect, for the servers dbkit administers itself (the
 * embedded database and the test databases of {@code dbkit-test}): an {@link #OWNER} that owns the database and runs
 * the migrations, and an {@link #APPLICATION} role for the application's {@code DataSource}.
 * <p>
 * Why: PostgreSQL does not apply row-level security to superusers, to roles with {@code BYPASSRLS}, nor to a
 * table's owner unless the table is {@code FORCE}d. Neither role here is a superuser or has {@code BYPASSRLS}, so the
 * policies bind both (the owner too, through {@code FORCE}; a view or {@code SECURITY DEFINER} function a migration
 * creates runs as the owner and so is bound as well). The application role gets {@code SELECT, INSERT, UPDATE,
 * DELETE} on what the owner creates, and nothing else: no {@code TRUNCATE} (it ignores row-level security), no DDL,
 * no temporary objects (they would shadow real ones for the next user of a pooled connection).
 * The platform role bypasses row-level security; it cannot log in, and the other two take it only with
 * {@code SET ROLE} (generated cross-tenant calls do, for their statement). The README's "Row-level security" shows
 * the same set-up for a production server.
 */
public final class DatabaseRoles {

	/** Owns the database, its schema and tables; Flyway connects as this role. */
	public static final String OWNER = "dbkit_owner";

	/** The application's role. */
	public static final String APPLICATION = "dbkit_app";

	/**
	 * The role cross-tenant (platform) calls take for their statement: {@code NOLOGIN BYPASSRLS}, granted to the
	 * application and the owner ({@code dev.dbkit.tenant.RowLevelSecurity.PLATFORM_ROLE}).
	 */
	public static final String PLATFORM = "dbkit_platform";

	/**
	 * The roles' passwords: these roles exist only on development and test servers (the embedded one accepts local
	 * connections without a password; a test container asks for one).
	 */
	public static final String OWNER_PASSWORD = "dbkit_owner";

	/** See {@link #OWNER_PASSWORD}. */
	public static final String APPLICATION_PASSWORD = "dbkit_app";

	private DatabaseRoles() {
	}

	/**
	 * Creates both roles unless they exist, as a superuser (or a role with {@code CREATEROLE}). Several JVMs may do
	 * this at once on one server: a role another one created meanwhile is not an error.
	 */
	public static void createRoles(Connection admin) throws SQLException {
		// the owner may create databases: the scratch databases of code generation pointed at this server
		for (String[] role : List.of(
				new String[] { OWNER, "LOGIN NOSUPERUSER NOBYPASSRLS CREATEDB PASSWORD '" + OWNER_PASSWORD + "'" },
				new String[] { APPLICATION, "LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + APPLICATION_PASSWORD + "'" },
				new String[] { PLATFORM, "NOLOGIN NOSUPERUSER BYPASSRLS" })) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("DO $roles$ BEGIN CREATE ROLE " + role[0] + " " + role[1]
						+ "; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $roles$");
			}
		}
		for (String member : List.of(APPLICATION, OWNER)) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("DO $grant$ BEGIN IF NOT pg_has_role('" + member + "', '" + PLATFORM + "', 'MEMBER') "
						+ "THEN GRANT " + PLATFORM + " TO " + member + "; END IF; "
						+ "EXCEPTION WHEN unique_violation THEN NULL; END $grant$");
			}
		}
	}

	/** Creates a database owned by {@link #OWNER}. */
	public static void createDatabase(Connection admin, String database) throws SQLException {
		try (Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + quote(database) + " OWNER " + OWNER);
		}
	}

	/**
	 * Creates a database owned by {@link #OWNER} as a copy of {@code template} (its schema, history and rows; not the
	 * database's own grants, which {@link #grantApplication} makes).
	 */
	public static void createDatabase(Connection admin, String database, String template) throws SQLException {
		try (Statement statement = admin.createStatement()) {
			statement.execute(
					"CREATE DATABASE " + quote(database) + " TEMPLATE " + quote(template) + " OWNER " + OWNER);
		}
	}

	/** Whether {@code database} is owned by {@link #OWNER} (a database created before dbkit had two roles is not). */
	public static boolean ownsDatabase(Connection admin, String database) throws SQLException {
		try (PreparedStatement statement = admin.prepareStatement(
				"SELECT pg_get_userbyid(datdba) = ? FROM pg_database WHERE datname = ?")) {
			statement.setString(1, OWNER);
			statement.setString(2, database);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/**
	 * Gives {@link #APPLICATION} its rights on what {@link #OWNER} has created and will create in the database
	 * {@code connection} is connected to (as a superuser or the owner). Default privileges are per database, so
	 * every database needs this once; running it again is harmless.
	 */
	public static void grantApplication(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String forOwner = "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER;
			String users = APPLICATION + ", " + PLATFORM;
			statement.execute(forOwner + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + users);
			statement.execute(forOwner + " GRANT USAGE, SELECT ON SEQUENCES TO " + users);
			statement.execute(forOwner + " GRANT USAGE ON SCHEMAS TO " + users);
			// no temporary objects: pg_temp comes first in the search path, so a temporary table or type named like
			// a real one would capture the later statements of whoever gets the pooled connection next
			statement.execute("DO $temp$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', "
					+ "current_database()); END $temp$");
			// what the owner created before: every schema of the owner's and public
			statement.execute("""
					DO $grants$
					DECLARE s name;
					BEGIN
					  FOR s IN SELECT nspname FROM pg_namespace
					           WHERE nspname = 'public' OR pg_get_userbyid(nspowner) = '%1$s' LOOP
					    EXECUTE format('GRANT USAGE ON SCHEMA %%I TO %2$s', s);
					    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %%I TO %2$s', s);
					    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %%I TO %2$s', s);
					  END LOOP;
					END $grants$""".formatted(OWNER, users));
		}
	}

	/** A name as a quoted SQL identifier. */
	public static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
