package dev.dbkit.codegen.verify;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code dbkit:verify} checks against.
 *
 * @param tenantColumn the column that makes a table tenant-scoped
 * @param triggerFunction the function every {@code updated_at} trigger runs
 * @param globalTables platform-global tables (no tenant column); the tables that tenant columns reference are
 * global too, and so is a table whose comment contains {@code dbkit:global}
 * @param notUserFacingTables tenant-scoped tables that need no soft delete (also {@code dbkit:not-user-facing} in
 * a table's comment)
 * @param suppressions rules switched off for one table (also {@code dbkit:ignore=rule-id,rule-id} in its comment)
 * @param severities rules whose severity differs from the default
 */
public record VerifyConfig(String tenantColumn, String triggerFunction, Set<String> globalTables,
		Set<String> notUserFacingTables, Map<String, Set<Rule>> suppressions, Map<Rule, Severity> severities) {

	public static final String DEFAULT_TRIGGER_FUNCTION = "update_updated_at_column";

	public VerifyConfig {
		globalTables = new TreeSet<>(globalTables);
		notUserFacingTables = new TreeSet<>(notUserFacingTables);
		suppressions = new TreeMap<>(suppressions);
		severities = new TreeMap<>(severities);
	}

	public static VerifyConfig defaults() {
		return new VerifyConfig("tenant_id", DEFAULT_TRIGGER_FUNCTION, Set.of(), Set.of(), Map.of(), Map.of());
	}

	public Severity severity(Rule rule) {
		return this.severities.getOrDefault(rule, rule.defaultSeverity());
	}

}
