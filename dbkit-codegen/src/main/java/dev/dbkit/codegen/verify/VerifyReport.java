package dev.dbkit.codegen.verify;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code dbkit:verify} found.
 *
 * @param findings every finding, by file and line
 * @param tables the tables checked
 * @param migrations the migrations checked (each up, down and up again)
 * @param queries the queries checked
 * @param millis how long it took
 */
public record VerifyReport(List<Finding> findings, int tables, int migrations, int queries, long millis) {

	public long errors() {
		return this.findings.stream().filter((f) -> f.severity() == Severity.ERROR).count();
	}

	public long warnings() {
		return this.findings.stream().filter((f) -> f.severity() == Severity.WARNING).count();
	}

	/** The closing line. */
	public String summary() {
		return "dbkit verify: " + errors() + " error" + (errors() == 1 ? "" : "s") + ", " + warnings() + " warning"
				+ (warnings() == 1 ? "" : "s") + " (" + this.tables + " tables, " + this.migrations + " migrations, "
				+ this.queries + " queries, " + this.millis + " ms)";
	}

	/** The report as JSON, for tools. */
	public String toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("errors", errors());
		json.put("warnings", warnings());
		json.put("tables", this.tables);
		json.put("migrations", this.migrations);
		json.put("queries", this.queries);
		json.put("findings", this.findings.stream().map((f) -> {
			Map<String, Object> finding = new LinkedHashMap<>();
			finding.put("path", f.path());
			finding.put("line", f.line());
			finding.put("rule", f.rule().id());
			finding.put("severity", f.severity().toString());
			finding.put("table", f.table());
			finding.put("message", f.message());
			return finding;
		}).toList());
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json);
	}

	/**
	 * The report as a SARIF 2.1.0 log, which GitHub code scanning and IDEs read: one rule per checklist line, one
	 * result per finding, its location {@code pathPrefix + path} relative to {@code %SRCROOT%} (the repository's root,
	 * so that a module's findings land on the module's files).
	 * @param toolVersion dbkit's version
	 * @param pathPrefix the module's folder in the repository, empty or ending in {@code /}
	 */
	public String toSarif(String toolVersion, String pathPrefix) {
		List<Map<String, Object>> rules = Arrays.stream(Rule.values()).map((rule) -> {
			Map<String, Object> descriptor = new LinkedHashMap<>();
			descriptor.put("id", rule.id());
			descriptor.put("shortDescription", Map.of("text", rule.description()));
			// code scanning asks for both descriptions and a help text
			descriptor.put("fullDescription", Map.of("text", rule.description()));
			descriptor.put("help", Map.of("text", rule.description() + " The finding's message says what to write; "
					+ "change the rule's severity with <severities> or suppress it for one table with <suppressions>."));
			descriptor.put("defaultConfiguration", Map.of("level", sarifLevel(rule.defaultSeverity())));
			return descriptor;
		}).toList();
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "dbkit verify");
		driver.put("version", toolVersion);
		driver.put("rules", rules);
		List<Map<String, Object>> results = this.findings.stream().map((finding) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("ruleId", finding.rule().id());
			result.put("ruleIndex", finding.rule().ordinal());
			result.put("level", sarifLevel(finding.severity()));
			result.put("message", Map.of("text", finding.message()));
			Map<String, Object> physical = new LinkedHashMap<>();
			physical.put("artifactLocation", Map.of("uri", pathPrefix + finding.path(), "uriBaseId", "%SRCROOT%"));
			physical.put("region", Map.of("startLine", Math.max(1, finding.line())));
			result.put("locations", List.of(Map.of("physicalLocation", physical)));
			if (!finding.table().isEmpty()) {
				result.put("properties", Map.of("table", finding.table()));
			}
			return result;
		}).toList();
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("originalUriBaseIds", Map.of("%SRCROOT%", Map.of("description",
				Map.of("text", "The repository's root"))));
		run.put("results", results);
		Map<String, Object> log = new LinkedHashMap<>();
		log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
		log.put("version", "2.1.0");
		log.put("runs", List.of(run));
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(log);
	}

	private static String sarifLevel(Severity severity) {
		return switch (severity) {
			case ERROR -> "error";
			case WARNING -> "warning";
			case OFF -> "none";
		};
	}

}
