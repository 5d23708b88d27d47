package dev.dbkit.codegen.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dbkit.sql.SqlScriptSplitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Mutates the golden query files at random: the parser must answer every mutant with queries or diagnostics,
 * never an exception and never a hang. {@code -Ddbkit.fuzz.seed=N} replays a run, {@code -Ddbkit.fuzz.mutants=N}
 * runs longer.
 */
class QueryFileParserFuzzTests {

	private static final String[] FRAGMENTS = { "'", "\"", "$", "$$", "$tag$", "--", "/*", "*/", ";", "\n", "@",
			"sqlc.arg(", "sqlc.narg(x)", ")", "(", "?", "$1", "$99999999999", "-- name: ", ":one", ":many", "E'\\",
			"-- dbkit:cross-tenant", "\r\n", "\u0000", "é", "::", "[", "]" };

	@Test
	void mutatedQueryFilesGetAnswersNotExceptions() throws IOException {
		long seed = Long.getLong("dbkit.fuzz.seed", System.nanoTime());
		int mutants = Integer.getInteger("dbkit.fuzz.mutants", 20000);
		List<String> corpus = corpus();
		Random random = new Random(seed);
		int[] outcomes = new int[2];
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int i = 0; i < mutants; i++) {
				String mutant = mutate(corpus.get(random.nextInt(corpus.size())), random);
				try {
					QueryFileParser.Result result = QueryFileParser.parse(SourceText.of("fuzz.sql", mutant), "fuzz",
							"db/queries/fuzz.sql");
					outcomes[result.diagnostics().isEmpty() ? 0 : 1]++;
					for (Query query : result.file().queries()) {
						// every position maps back into the file, and slots and parameters agree (whether the
						// statement is valid SQL is PostgreSQL's to say, in the analysis)
						assertThat(query.fileOffsets()).hasSize(query.postgresSql().length());
						assertThat(java.util.Arrays.stream(query.fileOffsets())).allMatch((offset) -> offset >= 0 && offset < mutant.length());
						java.util.Set<Integer> indexes = new java.util.TreeSet<>();
						query.parameters().forEach((p) -> indexes.add(p.index()));
						java.util.Set<Integer> bound = new java.util.TreeSet<>();
						for (int slot : query.slots()) {
							bound.add(slot);
						}
						assertThat(bound).isEqualTo(indexes);
					}
					SqlScriptSplitter.split(mutant);
				}
				catch (RuntimeException | AssertionError ex) {
					throw new AssertionError("seed " + seed + ", mutant " + i + ":\n" + mutant, ex);
				}
			}
		}, () -> "seed " + seed);
		assertThat(outcomes[0]).as("mutants that still parse").isPositive();
		assertThat(outcomes[1]).as("mutants answered with diagnostics").isPositive();
		System.out.printf("query-file fuzz: %d mutants of %d files (seed %d): %d parsed, %d diagnosed, 0 exceptions%n",
				mutants, corpus.size(), seed, outcomes[0], outcomes[1]);
	}

	private static String mutate(String text, Random random) {
		StringBuilder mutant = new StringBuilder(text);
		int edits = 1 + random.nextInt(4);
		for (int e = 0; e < edits; e++) {
			int at = mutant.isEmpty() ? 0 : random.nextInt(mutant.length());
			switch (random.nextInt(4)) {
				case 0 -> mutant.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
				case 1 -> mutant.delete(at, Math.min(mutant.length(), at + 1 + random.nextInt(8)));
				case 2 -> mutant.insert(at, (char) (32 + random.nextInt(95)));
				default -> mutant.setLength(at); // truncated file
			}
		}
		return mutant.toString();
	}

	private static List<String> corpus() throws IOException {
		List<String> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
			for (Path file : walk.filter((f) -> f.toString().endsWith(".sql") && f.toString().contains("queries"))
				.sorted()
				.toList()) {
				files.add(Files.readString(file));
			}
		}
		assertThat(files).hasSizeGreaterThan(5);
		return files;
	}

}
