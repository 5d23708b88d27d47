package dev.dbkit.codegen.verify;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.dbkit.codegen.GeneratorConfig;

/**
 * What {@code dbkit:verify} checks against.
 *
 * @param analysis the configuration {@code generate} analyses the queries with (tenant column, platform-global
 * tables, type and column overrides): {@code verify} analyses them with the very same one
 * @param triggerFunction the function every {@code updated_at} trigger runs
 * @param notUserFacingTables tenant-scoped tables that need no soft delete (also {@code dbkit:not-user-facing} in
 * a table's comment)
 * @param suppressions rules switched off for one table (also {@code dbkit:ignore=rule-id,rule-id} in its comment)
 * @param severities rules whose severity differs from the default
 */
public record VerifyConfig(GeneratorConfig analysis, String triggerFunction, Set<String> notUserFacingTables,
		Map<String, Set<Rule>> suppressions, Map<Rule, Severity> severities) {

	public static final String DEFAULT_TRIGGER_FUNCTION = "update_updated_at_column";

	public VerifyConfig {
		notUserFacingTables = new TreeSet<>(notUserFacingTables);
		suppressions = new TreeMap<>(suppressions);
		severities = new TreeMap<>(severities);
	}

	public static VerifyConfig defaults() {
		return new VerifyConfig(new GeneratorConfig(GeneratorConfig.ANALYSIS_ONLY_PACKAGE), DEFAULT_TRIGGER_FUNCTION,
				Set.of(), Map.of(), Map.of());
	}

	/** The column that makes a table tenant-scoped. */
	public String tenantColumn() {
		return this.analysis.tenantColumn();
	}

	/**
	 * Platform-global tables (no tenant column); the tables that tenant columns reference are global too, and so is
	 * a table whose comment contains {@code dbkit:global}.
	 */
	public Set<String> globalTables() {
		return this.analysis.globalTables();
	}

	public Severity severity(Rule rule) {
		return this.severities.getOrDefault(rule, rule.defaultSeverity());
	}

}
