package dev.dbkit.tenant;

/**
 * The row-level security dbkit works with: generated calls set {@link #TENANT_SETTING} (or
 * {@link #CROSS_TENANT_SETTING}) for their transaction, and a policy on each tenant-scoped table compares its tenant
 * column with it. What {@code dbkit:new} writes and what {@code dbkit:verify} asks for come from here.
 */
public final class RowLevelSecurity {

	/** The setting that holds the current tenant for the policies. */
	public static final String TENANT_SETTING = "dbkit.tenant_id";

	/** The setting a cross-tenant (platform) call turns {@code on}. */
	public static final String CROSS_TENANT_SETTING = "dbkit.cross_tenant";

	private RowLevelSecurity() {
	}

	/**
	 * The policy's condition: the row is the current tenant's, or the call is a platform one. ({@code nullif}: once a
	 * transaction-local setting has ended, the session reads it as {@code ''}.) Each setting is read in a scalar
	 * subquery, which PostgreSQL evaluates once per statement (an init plan) instead of once per row: per row, the
	 * policy is then one comparison of uuids, and a list of 100 rows costs what it costs without the policy.
	 */
	public static String condition(String tenantColumn) {
		return tenantColumn + " = (SELECT nullif(current_setting('" + TENANT_SETTING + "', true), '')::uuid)\n        OR "
				+ "(SELECT current_setting('" + CROSS_TENANT_SETTING + "', true) = 'on')";
	}

	/** The statements that guard a table: enable and force row-level security, and the policy for every command. */
	public static String statements(String table, String tenantColumn) {
		String condition = condition(tenantColumn);
		return "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n" + "ALTER TABLE " + table
				+ " FORCE ROW LEVEL SECURITY;\n" + "CREATE POLICY tenant_isolation ON " + table + "\n    USING ("
				+ condition + ")\n    WITH CHECK (" + condition + ");\n";
	}

}
