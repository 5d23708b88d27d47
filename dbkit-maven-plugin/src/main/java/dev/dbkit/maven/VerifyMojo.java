package dev.dbkit.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dbkit.codegen.AnalysisDatabase;
import dev.dbkit.codegen.QueryFiles;
import dev.dbkit.codegen.verify.Finding;
import dev.dbkit.codegen.verify.Rule;
import dev.dbkit.codegen.verify.SchemaVerifier;
import dev.dbkit.codegen.verify.Severity;
import dev.dbkit.codegen.verify.VerifyConfig;
import dev.dbkit.codegen.verify.VerifyReport;

/**
 * The seed's checklist as a build check: every migration goes up, down and up on a scratch PostgreSQL, the migrated
 * catalog is checked table by table, and the queries are analysed. One line per finding, a summary, a JSON report,
 * and a failure when there are errors. Runs standalone ({@code mvn dbkit:verify}) or bound to the verify phase.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractAnalysisMojo {

	/** Tenant-scoped tables that need no soft delete. */
	@Parameter
	List<String> notUserFacingTables = new ArrayList<>();

	/** Rules switched off for one table: the table's name, then rule ids separated by commas. */
	@Parameter
	Map<String, String> suppressions = new TreeMap<>();

	/** Severities other than the default, by rule id: error, warning or off. */
	@Parameter
	Map<String, String> severities = new TreeMap<>();

	/** The function every updated_at trigger must run. */
	@Parameter(property = "dbkit.triggerFunction", defaultValue = VerifyConfig.DEFAULT_TRIGGER_FUNCTION)
	String triggerFunction = VerifyConfig.DEFAULT_TRIGGER_FUNCTION;

	/** Where the JSON report goes. */
	@Parameter(defaultValue = "${project.build.directory}/dbkit/verify-report.json")
	File reportFile;

	/**
	 * Where the SARIF 2.1.0 log goes, for GitHub code scanning ({@code github/codeql-action/upload-sarif}) and IDEs;
	 * its paths are relative to {@link #sarifRoot}.
	 */
	@Parameter(property = "dbkit.verify.sarifFile", defaultValue = "${project.build.directory}/dbkit/verify-report.sarif")
	File sarifFile;

	/** The folder the SARIF log's paths are relative to: the repository's root (Maven's top-level project). */
	@Parameter(property = "dbkit.verify.sarifRoot", defaultValue = "${maven.multiModuleProjectDirectory}")
	@Nullable File sarifRoot;

	@Parameter(defaultValue = "${plugin.version}", readonly = true)
	String pluginVersion = "unknown";

	/** Whether to skip the checks. */
	@Parameter(property = "dbkit.verify.skip", defaultValue = "false")
	boolean skip;

	@Override
	void run() throws MojoFailureException {
		if (this.skip) {
			getLog().info("dbkit verify skipped");
			return;
		}
		VerifyReport report;
		try (AnalysisDatabase database = startAnalysisDatabase()) {
			report = new SchemaVerifier(config()).verify(this.basedir.toPath(), this.migrationsDir.toPath(),
					this.queriesDir.toPath(), database.dataSource(), database::simpleConnection);
		}
		for (Finding finding : report.findings()) {
			if (finding.severity() == Severity.ERROR) {
				getLog().error(finding.toString());
			}
			else {
				getLog().warn(finding.toString());
			}
		}
		getLog().info(report.summary());
		write(this.reportFile, report.toJson());
		write(this.sarifFile, report.toSarif(this.pluginVersion, sarifPathPrefix()));
		if (report.errors() > 0) {
			throw new MojoFailureException(report.summary() + ". The findings are listed above and in "
					+ this.reportFile + ".");
		}
	}

	private static void write(File file, String content) throws MojoFailureException {
		try {
			Files.createDirectories(file.toPath().toAbsolutePath().getParent());
			Files.writeString(file.toPath(), content);
		}
		catch (IOException ex) {
			throw new MojoFailureException("Could not write the report " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** This module's folder relative to {@link #sarifRoot} ({@code "orders-service/"}), or empty. */
	String sarifPathPrefix() {
		if (this.sarifRoot == null) {
			return "";
		}
		String module = QueryFiles.display(this.sarifRoot.toPath(), this.basedir.toPath());
		return (module.isEmpty() || Path.of(module).isAbsolute()) ? "" : module + "/";
	}

	VerifyConfig config() throws MojoFailureException {
		Map<String, Set<Rule>> suppressed = new HashMap<>();
		this.suppressions.forEach((table, rules) -> suppressed.put(table,
				Stream.of(rules.split(",")).map(Rule::byId).collect(Collectors.toSet())));
		Map<Rule, Severity> levels = new HashMap<>();
		this.severities.forEach((rule, severity) -> levels.put(Rule.byId(rule), Severity.parse(severity)));
		return new VerifyConfig(generatorConfig(false), this.triggerFunction, Set.copyOf(this.notUserFacingTables),
				suppressed, levels);
	}

}
