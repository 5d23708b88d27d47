package dev.dbkit.codegen;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator needs to know besides the files.
 *
 * @param packageName the Java package of the generated code
 * @param tenantColumn the column that makes a table tenant-scoped
 * @param typeOverrides Java types by database type name ({@code citext} to {@code java.lang.String})
 * @param columnOverrides Java types by {@code table.column}
 */
public record GeneratorConfig(String packageName, String tenantColumn, Map<String, String> typeOverrides,
		Map<String, String> columnOverrides) {

	public static final String DEFAULT_TENANT_COLUMN = "tenant_id";

	public GeneratorConfig {
		typeOverrides = new TreeMap<>(typeOverrides);
		columnOverrides = new TreeMap<>(columnOverrides);
	}

	public GeneratorConfig(String packageName) {
		this(packageName, DEFAULT_TENANT_COLUMN, Map.of(), Map.of());
	}

}
