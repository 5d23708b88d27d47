package dev.dbkit.tenant;

/**
 * The row-level security dbkit works with: a tenant-scoped generated call sets {@link #TENANT_SETTING} for its
 * transaction, and a policy on each tenant-scoped table compares its tenant column with it; a cross-tenant call
 * takes the role {@link #PLATFORM_ROLE}, which bypasses row-level security, for its statement only. What
 * {@code dbkit:new} writes and what {@code dbkit:verify} asks for come from here.
 * <p>
 * Why a role for platform calls rather than a second clause in the policy: the policy stays one comparison of the
 * tenant column with a value fixed for the statement, which PostgreSQL folds into the statement's own tenant
 * condition and checks once per execution; a policy with an {@code OR} is evaluated on every row (a fifth of a 100-row list's throughput) or,
 * written with scalar subqueries, costs init plans on every statement. Either way it is no more open: any SQL of
 * the application's role can take the platform role, as it could set a marker; generated tenant-scoped SQL can
 * do neither (the tenant proof refuses {@code set_config} and {@code SET}), and every cross-tenant call gives the
 * role back right after its statement.
 */
public final class RowLevelSecurity {

	/** The setting that holds the current tenant for the policies. */
	public static final String TENANT_SETTING = "dbkit.tenant_id";

	/**
	 * The role a cross-tenant (platform) call runs as: {@code NOLOGIN BYPASSRLS}, granted to the application's role
	 * (and the owner, for migrations' data fixes).
	 */
	public static final String PLATFORM_ROLE = "dbkit_platform";

	private RowLevelSecurity() {
	}

	/**
	 * The policy's condition: the row is the current tenant's. ({@code nullif}: once a transaction-local setting has
	 * ended, the session reads it as {@code ''}, which is no tenant.)
	 */
	public static String condition(String tenantColumn) {
		return condition(tenantColumn, "uuid");
	}

	/** The policy's condition for a tenant column of type {@code sqlType} ({@code uuid}, {@code bigint}, {@code text}). */
	public static String condition(String tenantColumn, String sqlType) {
		return tenantColumn + " = nullif(current_setting('" + TENANT_SETTING + "', true), '')::" + sqlType;
	}

	/** The statements that guard a table: enable and force row-level security, and the policy for every command. */
	public static String statements(String table, String tenantColumn) {
		return statements(table, tenantColumn, "uuid");
	}

	/** {@link #statements(String, String)} for a tenant column of type {@code sqlType}. */
	public static String statements(String table, String tenantColumn, String sqlType) {
		String condition = condition(tenantColumn, sqlType);
		return "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n" + "ALTER TABLE " + table
				+ " FORCE ROW LEVEL SECURITY;\n" + "CREATE POLICY tenant_isolation ON " + table + "\n    USING ("
				+ condition + ")\n    WITH CHECK (" + condition + ");\n";
	}

}
