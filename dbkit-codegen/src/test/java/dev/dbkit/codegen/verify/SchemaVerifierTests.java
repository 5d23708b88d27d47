package dev.dbkit.codegen.verify;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dbkit.codegen.Corpus;
import dev.dbkit.codegen.GeneratorConfig;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of schemas, one per checklist rule and some combined: each {@code verify/<case>/} has migrations (added
 * to the shared platform migration in {@code _base} unless {@code base=none}), optional queries, an optional
 * {@code verify.properties} ({@code from=} takes the schema and queries of another folder), and
 * {@code expected.txt}: every finding, exactly. Run with
 * {@code -Ddbkit.golden.update=true} to rewrite the expected files after a deliberate change.
 */
class SchemaVerifierTests {

	static final Path CORPUS = Path.of("src/test/resources/verify");

	@TempDir
	Path work;

	@TestFactory
	Stream<DynamicTest> corpus() throws IOException {
		return Corpus.cases(CORPUS, this::check);
	}

	@Test
	void reportIsJsonForTools() throws Exception {
		VerifyReport report = run(CORPUS.resolve("indexes"), this.work.resolve("json"));
		JsonNode json = JsonMapper.builder().build().readTree(report.toJson());
		assertThat(json.get("errors").asLong()).isEqualTo(report.errors());
		assertThat(json.get("warnings").asLong()).isEqualTo(report.warnings());
		assertThat(json.get("findings").size()).isEqualTo(report.findings().size());
		assertThat(json.get("findings").get(0).get("rule").asString()).isEqualTo(report.findings().get(0).rule().id());
		assertThat(report.summary()).startsWith("dbkit verify: " + report.errors() + " error");
	}

	@Test
	void reportIsSarifForCodeScanning() throws Exception {
		VerifyReport report = run(CORPUS.resolve("indexes"), this.work.resolve("sarif"));
		assertThat(report.findings()).isNotEmpty();
		JsonNode sarif = JsonMapper.builder().build().readTree(report.toSarif("1.2.3", "orders/"));
		assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
		assertThat(sarif.get("$schema").asString()).endsWith("sarif-2.1.0.json");
		JsonNode run = sarif.get("runs").get(0);
		JsonNode driver = run.get("tool").get("driver");
		assertThat(driver.get("name").asString()).isEqualTo("dbkit verify");
		assertThat(driver.get("version").asString()).isEqualTo("1.2.3");
		assertThat(driver.get("rules").size()).isEqualTo(Rule.values().length);
		JsonNode results = run.get("results");
		assertThat(results.size()).isEqualTo(report.findings().size());
		for (int i = 0; i < results.size(); i++) {
			Finding finding = report.findings().get(i);
			JsonNode result = results.get(i);
			assertThat(result.get("ruleId").asString()).isEqualTo(finding.rule().id());
			// ruleIndex must point at the rule of the same id, or code scanning shows another rule's text
			assertThat(driver.get("rules").get(result.get("ruleIndex").asInt()).get("id").asString())
				.isEqualTo(finding.rule().id());
			assertThat(result.get("level").asString()).isEqualTo(finding.severity().toString());
			assertThat(result.get("message").get("text").asString()).isEqualTo(finding.message());
			JsonNode location = result.get("locations").get(0).get("physicalLocation");
			assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("orders/" + finding.path())
				.doesNotStartWith("/");
			assertThat(location.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
			assertThat(location.get("region").get("startLine").asInt()).isEqualTo(finding.line());
		}
	}

	private void check(Path dir) throws Exception {
		VerifyReport report = run(dir, this.work.resolve(dir.getFileName()));
		String actual = report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n", "", "\n"));
		Path expected = dir.resolve("expected.txt");
		if (Corpus.updating()) {
			Files.writeString(expected, actual);
		}
		assertThat(actual).as("findings of %s", dir.getFileName()).isEqualTo(Files.readString(expected));
	}

	static VerifyReport run(Path caseDir, Path project) throws Exception {
		Properties properties = new Properties();
		Path config = caseDir.resolve("verify.properties");
		if (Files.isRegularFile(config)) {
			try (Reader reader = Files.newBufferedReader(config)) {
				properties.load(reader);
			}
		}
		// "from" takes the schema and queries of another folder (a golden case) instead of this one's
		Path source = caseDir.resolve(properties.getProperty("from", ".")).normalize();
		Path migrations = Files.createDirectories(project.resolve("db/migrations"));
		if (!"none".equals(properties.getProperty("base")) && !properties.containsKey("from")) {
			copy(CORPUS.resolve("_base"), migrations);
		}
		copy(source.resolve("db/migrations"), migrations);
		Path queries = Files.createDirectories(project.resolve("db/queries"));
		copy(source.resolve("db/queries"), queries);
		Map<String, Set<Rule>> suppressions = new HashMap<>();
		Map<Rule, Severity> severities = new HashMap<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith("suppress.")) {
				suppressions.put(key.substring("suppress.".length()), Stream.of(properties.getProperty(key).split(","))
					.map(Rule::byId)
					.collect(Collectors.toSet()));
			}
			if (key.startsWith("severity.")) {
				severities.put(Rule.byId(key.substring("severity.".length())),
						Severity.parse(properties.getProperty(key)));
			}
		}
		VerifyConfig verifyConfig = new VerifyConfig(new GeneratorConfig(GeneratorConfig.ANALYSIS_ONLY_PACKAGE,
				GeneratorConfig.DEFAULT_TENANT_COLUMN, Map.of(), Map.of(), set(properties.getProperty("globalTables")), false,
				properties.getProperty("tenantIdType", "uuid")),
				VerifyConfig.DEFAULT_TRIGGER_FUNCTION, set(properties.getProperty("notUserFacingTables")), suppressions,
				severities);
		TestDatabase db = TestPostgres.shared().createDatabase("verify_" + caseDir.getFileName());
		// what an administrator set up on the server before the migrations ran
		Path admin = caseDir.resolve("admin.sql");
		if (Files.isRegularFile(admin)) {
			try (Connection connection = TestPostgres.shared().adminDataSource(db).getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute(Files.readString(admin));
			}
		}
		return new SchemaVerifier(verifyConfig).verify(project, migrations, queries,
				db.dataSource(), () -> {
					Properties connection = new Properties();
					connection.setProperty("user", db.username());
					connection.setProperty("password", db.password());
					connection.setProperty("preferQueryMode", "simple");
					return DriverManager.getConnection(db.jdbcUrl(), connection);
				});
	}

	private static Set<String> set(String value) {
		return (value == null) ? Set.of() : Set.of(value.split(","));
	}

	private static void copy(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}


}
