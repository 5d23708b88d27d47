package dev.dbkit.codegen.verify;

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

}
