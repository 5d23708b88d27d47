package dev.dbkit.codegen;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the generator needs to know besides the files.
 *
 * @param packageName the Java package of the generated code
 * @param tenantColumn the column that makes a table tenant-scoped
 * @param typeOverrides Java types by database type name ({@code citext} to {@code java.lang.String})
 * @param columnOverrides Java types by {@code table.column}
 * @param globalTables tables declared platform-global (besides the table tenant columns reference and tables
 * commented {@code dbkit:global}): shared by {@code generate} and {@code verify}
 * @param rowLevelSecurity whether generated calls set {@code dbkit.tenant_id} (and the cross-tenant marker) for
 * row-level security policies, in the same round trip as their statement
 * @param tenantIdType the Java type of a tenant id: {@code uuid} ({@code UUID}, a uuid column), {@code long} (a
 * bigint column) or {@code string} ({@code String}, a text or varchar column); {@code TenantContext} holds it
 */
public record GeneratorConfig(String packageName, String tenantColumn, Map<String, String> typeOverrides,
		Map<String, String> columnOverrides, Set<String> globalTables, boolean rowLevelSecurity, String tenantIdType) {

	/** The tenant id types, by setting. */
	public static final Set<String> TENANT_ID_TYPES = Set.of("uuid", "long", "string");

	public static final String DEFAULT_TENANT_COLUMN = "tenant_id";

	/** The package name when nothing is generated ({@code verify}): it names nothing a user sees. */
	public static final String ANALYSIS_ONLY_PACKAGE = "dbkit.verify";

	public GeneratorConfig {
		if (!TENANT_ID_TYPES.contains(tenantIdType)) {
			throw new IllegalArgumentException("tenantIdType is uuid, long or string, not '" + tenantIdType + "'");
		}
		typeOverrides = new TreeMap<>(typeOverrides);
		columnOverrides = new TreeMap<>(columnOverrides);
		globalTables = new TreeSet<>(globalTables);
	}

	public GeneratorConfig(String packageName, String tenantColumn, Map<String, String> typeOverrides,
			Map<String, String> columnOverrides, Set<String> globalTables, boolean rowLevelSecurity) {
		this(packageName, tenantColumn, typeOverrides, columnOverrides, globalTables, rowLevelSecurity, "uuid");
	}

	public GeneratorConfig(String packageName, String tenantColumn, Map<String, String> typeOverrides,
			Map<String, String> columnOverrides) {
		this(packageName, tenantColumn, typeOverrides, columnOverrides, Set.of(), false);
	}

	public GeneratorConfig(String packageName, String tenantColumn, Map<String, String> typeOverrides,
			Map<String, String> columnOverrides, Set<String> globalTables) {
		this(packageName, tenantColumn, typeOverrides, columnOverrides, globalTables, false);
	}

	public GeneratorConfig(String packageName) {
		this(packageName, DEFAULT_TENANT_COLUMN, Map.of(), Map.of());
	}

}
