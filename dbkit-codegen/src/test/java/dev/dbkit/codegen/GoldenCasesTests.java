package dev.dbkit.codegen;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's contract: for each {@code cases/<name>/} the migrations and queries under {@code db/} go in, and
 * what comes out must equal {@code expected/} exactly: the generated files, or {@code errors.txt} with every
 * problem. A case's {@code dbkit.properties} may set {@code packageName}, {@code tenantColumn},
 * {@code typeOverride.<type>}, {@code columnOverride.<table.column>}, {@code rowLevelSecurity} and
 * {@code migrations} (a shared schema).
 * Run with {@code -Ddbkit.golden.update=true} to rewrite the expected files after a deliberate change, then review
 * the diff.
 */
class GoldenCasesTests {

	static final Path CASES = Path.of("src/test/resources/cases");

	@TempDir
	Path out;

	@TestFactory
	Stream<DynamicTest> cases() throws IOException {
		return Corpus.cases(CASES, this::check);
	}

	private void check(Path dir) throws IOException {
		Path target = this.out.resolve(dir.getFileName());
		Map<String, String> actual = new TreeMap<>();
		try {
			generate(dir, target).run();
			collect(target.resolve("sources"), "", actual);
			collect(target.resolve("resources"), "resources/", actual);
		}
		catch (CodegenException ex) {
			StringBuilder errors = new StringBuilder();
			ex.getDiagnostics().forEach((d) -> errors.append(d).append('\n'));
			actual.put("errors.txt", errors.toString());
			assertThat(target.resolve("sources")).as("nothing is written when generation fails").doesNotExist();
		}
		Path expectedDir = dir.resolve("expected");
		if (Corpus.updating()) {
			if (Files.isDirectory(expectedDir)) {
				try (Stream<Path> old = Files.walk(expectedDir)) {
					old.sorted((a, b) -> b.compareTo(a)).forEach((p) -> p.toFile().delete());
				}
			}
			for (Map.Entry<String, String> file : actual.entrySet()) {
				Path path = expectedDir.resolve(file.getKey());
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue());
			}
		}
		Map<String, String> expected = new TreeMap<>();
		collect(expectedDir, "", expected);
		assertThat(actual.keySet()).as("files generated for case %s", dir.getFileName())
			.containsExactlyElementsOf(expected.keySet());
		for (String name : expected.keySet()) {
			assertThat(actual.get(name)).as("%s of case %s", name, dir.getFileName()).isEqualTo(expected.get(name));
		}
	}

	static Generation generate(Path caseDir, Path target) throws IOException {
		return generate(caseDir, target, Map.of());
	}

	/** @param overrides settings that replace the case's own {@code dbkit.properties} ones */
	static Generation generate(Path caseDir, Path target, Map<String, String> overrides) throws IOException {
		Properties properties = new Properties();
		Path config = caseDir.resolve("dbkit.properties");
		if (Files.isRegularFile(config)) {
			try (Reader reader = Files.newBufferedReader(config)) {
				properties.load(reader);
			}
		}
		properties.putAll(overrides);
		Map<String, String> typeOverrides = new TreeMap<>();
		Map<String, String> columnOverrides = new TreeMap<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith("typeOverride.")) {
				typeOverrides.put(key.substring("typeOverride.".length()), properties.getProperty(key));
			}
			if (key.startsWith("columnOverride.")) {
				columnOverrides.put(key.substring("columnOverride.".length()), properties.getProperty(key));
			}
		}
		GeneratorConfig generatorConfig = new GeneratorConfig(properties.getProperty("packageName", "com.example.db"),
				properties.getProperty("tenantColumn", "tenant_id"), typeOverrides, columnOverrides, java.util.Set.of(),
				Boolean.parseBoolean(properties.getProperty("rowLevelSecurity", "false")),
				properties.getProperty("tenantIdType", "uuid"));
		TestDatabase server = TestPostgres.shared().createDatabase("golden_server");
		Path migrations = caseDir.resolve(properties.getProperty("migrations", "db/migrations")).normalize();
		return new Generation(generatorConfig, caseDir, migrations, caseDir.resolve("db/queries"),
				target.resolve("sources"), target.resolve("resources"), target.resolve("state"), server.jdbcUrl(),
				server.username(), server.password());
	}

	private static void collect(Path root, String prefix, Map<String, String> files) throws IOException {
		if (!Files.isDirectory(root)) {
			return;
		}
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(root)) {
			walk.filter(Files::isRegularFile).forEach(paths::add);
		}
		for (Path path : paths) {
			files.put(prefix + root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
		}
	}

}
