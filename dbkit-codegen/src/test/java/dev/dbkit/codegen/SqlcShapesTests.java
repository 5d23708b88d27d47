package dev.dbkit.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of sqlc's PostgreSQL end-to-end tests ({@code src/test/resources/sqlc-shapes}, see its README): each
 * {@code <shape>/db/} holds migrations and a sqlc query file written as a sqlc user writes it, over global tables
 * (no {@code tenant_id}). Each shape is copied, {@code -- dbkit:cross-tenant} is put under every query header (and
 * {@code -- dbkit:side-effects} too for the shapes listed in {@code side-effects.txt}), and then:
 * <ul>
 * <li>a shape with {@code expected-diagnostics.txt} must fail with exactly those diagnostics;</li>
 * <li>any other must generate, and the generated code must compile with every lint warning as an error.</li>
 * </ul>
 * Either way the generator reports problems only as a {@link CodegenException}: any other exception fails the shape.
 */
class SqlcShapesTests {

	static final Path SHAPES = Path.of("src/test/resources/sqlc-shapes");

	/**
	 * A query header as {@code QueryFileParser} reads it: {@code -- name: X :cmd}, or on a line of its own
	 * {@code /* name: X :cmd *}{@code /}.
	 */
	private static final Pattern HEADER = Pattern
		.compile("[ \\t]*(?:--[ \\t]*name:(.*)|/\\*[ \\t]*name:(.*?)\\*/[ \\t]*)");

	/** A line of {@code expected-diagnostics.txt}: {@code line:column: part of the message}. */
	private static final Pattern EXPECTED = Pattern.compile("(\\d+):(\\d+): (.+)");

	/** The file the lines of {@code expected-diagnostics.txt} refer to. */
	private static final String QUERY_FILE = "db/queries/query.sql";

	@TempDir
	Path work;

	@TestFactory
	Stream<DynamicTest> shapes() throws IOException {
		Set<String> sideEffects = listed(SHAPES.resolve("side-effects.txt"));
		for (String shape : sideEffects) {
			assertThat(SHAPES.resolve(shape)).as("shape %s of side-effects.txt", shape).isDirectory();
		}
		return Corpus.cases(SHAPES, (dir) -> check(dir, sideEffects.contains(dir.getFileName().toString())));
	}

	private void check(Path shape, boolean sideEffects) throws IOException {
		String name = shape.getFileName().toString();
		Path caseDir = this.work.resolve(name).resolve("case");
		copy(shape, caseDir);
		Files.deleteIfExists(caseDir.resolve("expected-diagnostics.txt"));
		// for each query file (relative to the case): the line of the shape's own file that each line came from
		Map<String, int[]> originalLines = new HashMap<>();
		try (Stream<Path> files = Files.walk(caseDir.resolve("db/queries"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).toList()) {
				String path = caseDir.relativize(file).toString().replace('\\', '/');
				originalLines.put(path, addMarkers(file, sideEffects));
			}
		}
		Path target = this.work.resolve(name).resolve("generated");
		Generation generation = GoldenCasesTests.generate(caseDir, target, Map.of());
		List<String> diagnostics = new ArrayList<>();
		List<@Nullable String> queries = new ArrayList<>();
		try {
			generation.run();
		}
		catch (CodegenException ex) {
			for (Diagnostic diagnostic : ex.getDiagnostics()) {
				int[] lines = originalLines.get(diagnostic.path());
				int line = (lines != null && diagnostic.line() >= 1 && diagnostic.line() < lines.length)
						? lines[diagnostic.line()] : diagnostic.line();
				diagnostics
					.add(diagnostic.path() + ":" + line + ":" + diagnostic.column() + ": " + diagnostic.message());
				queries.add(diagnostic.path().equals(QUERY_FILE) ? queryAt(shape.resolve(QUERY_FILE), line) : null);
			}
			assertThat(target.resolve("sources")).as("nothing is written when generation fails").doesNotExist();
		}
		catch (RuntimeException ex) {
			throw new AssertionError("generation of shape " + name + " crashed instead of reporting diagnostics", ex);
		}
		Path expectedFile = shape.resolve("expected-diagnostics.txt");
		if (Files.isRegularFile(expectedFile)) {
			assertDiagnostics(shape, expectedFile, diagnostics, queries);
		}
		else {
			assertThat(diagnostics).as("diagnostics of shape %s (lines as in its own query file)", name).isEmpty();
			compile(name, target.resolve("sources"));
		}
	}

	/**
	 * Every expected diagnostic matches one actual, and every actual one expected. A diagnostic matches when it is
	 * about the same query and its message holds the expected text. The lines of {@code expected-diagnostics.txt} are
	 * those of the shape's own {@code query.sql}, before the markers were inserted, so that they can be read against
	 * it; the actual lines are mapped back to it. The line is compared through the query it falls in, and the column
	 * not at all: a query is refused at its header or at the call in its statement depending on the check that
	 * refuses it, and that position may move without the refusal changing.
	 */
	private static void assertDiagnostics(Path shape, Path expectedFile, List<String> diagnostics,
			List<@Nullable String> queries) throws IOException {
		String all = String.join("\n", diagnostics);
		assertThat(diagnostics).as("shape %s has expected-diagnostics.txt, but generation succeeded",
				shape.getFileName()).isNotEmpty();
		List<String> missing = new ArrayList<>();
		boolean[] matched = new boolean[diagnostics.size()];
		for (String expected : Files.readAllLines(expectedFile)) {
			if (expected.isBlank() || expected.startsWith("#")) {
				continue;
			}
			Matcher parts = EXPECTED.matcher(expected.strip());
			assertThat(parts.matches()).as("%s: a line is line:column: message, not %s", expectedFile, expected)
				.isTrue();
			String query = queryAt(shape.resolve(QUERY_FILE), Integer.parseInt(parts.group(1)));
			int found = -1;
			for (int i = 0; i < diagnostics.size() && found < 0; i++) {
				if (!matched[i] && query != null && query.equals(queries.get(i))
						&& diagnostics.get(i).contains(parts.group(3))) {
					found = i;
				}
			}
			if (found < 0) {
				missing.add(expected + " (query " + query + ")");
			}
			else {
				matched[found] = true;
			}
		}
		List<String> unexpected = new ArrayList<>();
		for (int i = 0; i < diagnostics.size(); i++) {
			if (!matched[i]) {
				unexpected.add(diagnostics.get(i));
			}
		}
		assertThat(missing).as("expected diagnostics of shape %s that were not reported; reported:%n%s",
				shape.getFileName(), all).isEmpty();
		assertThat(unexpected).as("diagnostics of shape %s that expected-diagnostics.txt does not list",
				shape.getFileName()).isEmpty();
	}

	/**
	 * Puts {@code -- dbkit:cross-tenant} (and {@code -- dbkit:side-effects}) under each query header of a file.
	 * @return for each 1-based line of the new file, the line of the old one it came from (a marker: its header's)
	 */
	private static int[] addMarkers(Path file, boolean sideEffects) throws IOException {
		String[] lines = Files.readString(file).split("\n", -1);
		StringBuilder text = new StringBuilder();
		List<Integer> origins = new ArrayList<>(List.of(0));
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				text.append('\n');
			}
			text.append(lines[i]);
			origins.add(i + 1);
			if (HEADER.matcher(lines[i]).matches()) {
				text.append("\n-- dbkit:cross-tenant");
				origins.add(i + 1);
				if (sideEffects) {
					text.append("\n-- dbkit:side-effects");
					origins.add(i + 1);
				}
			}
		}
		Files.writeString(file, text.toString());
		return origins.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The name of the query whose block (its header to the next header) holds a line of a query file. */
	private static @Nullable String queryAt(Path file, int line) throws IOException {
		List<String> lines = Files.readAllLines(file);
		@Nullable String query = null;
		for (int i = 0; i < Math.min(line, lines.size()); i++) {
			Matcher header = HEADER.matcher(lines.get(i));
			if (header.matches()) {
				String words = ((header.group(1) != null) ? header.group(1) : header.group(2)).strip();
				query = words.split("\\s+")[0];
			}
		}
		return query;
	}

	/** All generated sources of a shape in one javac run, with every lint warning as an error. */
	private static void compile(String name, Path sources) throws IOException {
		List<String> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(sources)) {
			walk.filter((f) -> f.toString().endsWith(".java")).forEach((f) -> files.add(f.toString()));
		}
		assertThat(files).as("Java sources generated for shape %s", name).isNotEmpty();
		Path classes = Files.createDirectories(sources.resolveSibling("classes"));
		List<String> arguments = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
				"-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
		arguments.addAll(files);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int status = compiler.run(null, errors, errors, arguments.toArray(new String[0]));
		assertThat(status).as("javac -Xlint:all -Werror on the code generated for shape %s:%n%s", name,
				errors.toString(StandardCharsets.UTF_8)).isZero();
	}

	/** The names in a list file: one a line, blank lines and {@code #} comments skipped. */
	private static Set<String> listed(Path file) throws IOException {
		Set<String> names = new LinkedHashSet<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank() && !line.strip().startsWith("#")) {
				names.add(line.strip());
			}
		}
		return names;
	}

	private static void copy(Path from, Path to) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(from)) {
			paths = walk.toList();
		}
		for (Path path : paths) {
			Path copy = to.resolve(from.relativize(path).toString());
			if (Files.isDirectory(path)) {
				Files.createDirectories(copy);
			}
			else {
				Files.copy(path, copy);
			}
		}
	}

}
