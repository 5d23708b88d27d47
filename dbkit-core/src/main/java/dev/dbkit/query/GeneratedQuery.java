package dev.dbkit.query;

import dev.dbkit.tenant.RowLevelSecurity;

/**
 * A statement of a query file, as generated code holds it.
 * <p>
 * A tenant-scoped statement starts with {@link #TENANT_SETTINGS}, which makes the current tenant visible to
 * PostgreSQL as the setting {@code dbkit.tenant_id} (transaction-local, in the same round trip), so that row-level
 * security policies hold the same line as the build-time proof; its first parameter is the tenant. A cross-tenant
 * statement starts with {@link #CROSS_TENANT_SETTINGS}, which takes the platform role, and ends with
 * {@link #CROSS_TENANT_END}, which gives it back. {@link QueryExecutor} reads the result of the statement itself.
 *
 * @param name the query's name, such as {@code GetFeatureFlag}
 * @param file the query file, such as {@code db/queries/feature_flags.sql}
 * @param line the line of its {@code -- name:} header
 * @param command its sqlc command, without the colon: {@code one}, {@code many}, {@code exec}, {@code execrows},
 * {@code batchexec}, {@code copyfrom}, ... (empty in code generated before dbkit named it)
 * @param sql the statement with JDBC {@code ?} placeholders
 * @param scope whom the statement reaches
 */
public record GeneratedQuery(String name, String file, int line, String command, String sql, Scope scope) {

	/**
	 * Sets the tenant for the statement that follows. One {@code set_config} and nothing else: this statement is
	 * the whole cost of row-level security on a call. Named with its schema: a migration's own
	 * {@code set_config(text, varchar, boolean)} would otherwise match the driver's {@code varchar} parameter better
	 * than PostgreSQL's and set what it likes (attack round 7).
	 */
	public static final String TENANT_SETTINGS = "SELECT pg_catalog.set_config('" + RowLevelSecurity.TENANT_SETTING
			+ "', ?, true);\n";

	/** Runs the statement that follows as a platform query across tenants: no tenant, the platform role. */
	public static final String CROSS_TENANT_SETTINGS = "SELECT pg_catalog.set_config('" + RowLevelSecurity.TENANT_SETTING
			+ "', '', true), pg_catalog.set_config('role', '" + RowLevelSecurity.PLATFORM_ROLE + "', true);\n";

	/**
	 * Ends a platform query: the session's own role again, so that the platform role never outlasts the statement
	 * it was taken for, also inside a transaction (a failing statement rolls the role back with its transaction).
	 * It starts with a line break, which ends a {@code --} comment on the statement's last line.
	 */
	public static final String CROSS_TENANT_END = "\n;SELECT pg_catalog.set_config('role', 'none', true)";

	/** Whom a statement reaches. */
	public enum Scope {

		/** the current tenant's rows, proved at build time */
		TENANT,
		/** any tenant's rows: a {@code -- dbkit:cross-tenant} platform query */
		CROSS_TENANT,
		/** no tenant data (global tables only) */
		GLOBAL;

		/** As metrics and the actuator endpoint show it: {@code tenant}, {@code cross-tenant}, {@code global}. */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	/** For code generated before the command was named. */
	public GeneratedQuery(String name, String file, int line, String sql, Scope scope) {
		this(name, file, line, "", sql, scope);
	}

	/** For code generated before the settings statements: tenant-scoped or global, without settings. */
	public GeneratedQuery(String name, String file, int line, String sql, boolean tenantScoped) {
		this(name, file, line, "", sql, tenantScoped ? Scope.TENANT : Scope.GLOBAL);
	}

	public boolean tenantScoped() {
		return this.scope == Scope.TENANT;
	}

	/** The settings statements of code generated before they named pg_catalog's set_config: still understood. */
	private static final String LEGACY_TENANT_SETTINGS = TENANT_SETTINGS.replace("pg_catalog.", "");

	private static final String LEGACY_CROSS_TENANT_SETTINGS = CROSS_TENANT_SETTINGS.replace("pg_catalog.", "");

	private static final String LEGACY_CROSS_TENANT_END = CROSS_TENANT_END.replace("pg_catalog.", "");

	/** Whether the SQL starts with one of dbkit's settings statements, whose result is not the query's. */
	public boolean startsWithSettings() {
		return !settings().isEmpty();
	}

	/** The settings statement the SQL starts with ({@link #TENANT_SETTINGS}, {@link #CROSS_TENANT_SETTINGS}), or "". */
	public String settings() {
		for (String settings : new String[] { TENANT_SETTINGS, CROSS_TENANT_SETTINGS, LEGACY_TENANT_SETTINGS,
				LEGACY_CROSS_TENANT_SETTINGS }) {
			if (this.sql.startsWith(settings)) {
				return settings;
			}
		}
		return "";
	}

	/** Whether the settings statement takes the tenant as its one parameter. */
	public boolean settingsTakeTenant() {
		String settings = settings();
		return settings.equals(TENANT_SETTINGS) || settings.equals(LEGACY_TENANT_SETTINGS);
	}

	/** The statement the SQL ends with to give the platform role back ({@link #CROSS_TENANT_END}), or "". */
	public String settingsEnd() {
		String settings = settings();
		if (settings.equals(CROSS_TENANT_SETTINGS) && this.sql.endsWith(CROSS_TENANT_END)) {
			return CROSS_TENANT_END;
		}
		return (settings.equals(LEGACY_CROSS_TENANT_SETTINGS) && this.sql.endsWith(LEGACY_CROSS_TENANT_END))
				? LEGACY_CROSS_TENANT_END : "";
	}

	/** The query's own statement, without dbkit's settings before and after it. */
	public String statement() {
		return this.sql.substring(settings().length(), this.sql.length() - settingsEnd().length());
	}

	@Override
	public String toString() {
		return this.name + " (" + this.file + ":" + this.line + ")";
	}

}
