package dev.dbkit.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.emit.JavaEmitter;

/**
 * The front door the build plugin calls: reads the query and migration files, skips everything (no database is
 * started) when none of them nor the configuration changed since the last run, else generates and writes the files
 * whose content changed, removing files of earlier runs that are no longer generated.
 *
 * @param config the generator's settings
 * @param baseDir the project directory, which error paths are relative to
 * @param migrationsDir the migration files
 * @param queriesDir the query files
 * @param sourcesDir where Java sources go (owned by the generator)
 * @param resourcesDir where resources go (owned by the generator)
 * @param stateFile where the fingerprint of the last run is kept
 * @param analysisUrl a PostgreSQL server to analyse on instead of the embedded one
 * @param analysisUser its user
 * @param analysisPassword its password
 */
public record Generation(GeneratorConfig config, Path baseDir, Path migrationsDir, Path queriesDir, Path sourcesDir,
		Path resourcesDir, Path stateFile, @Nullable String analysisUrl, @Nullable String analysisUser,
		@Nullable String analysisPassword) {

	/** Bump when the generated code changes shape, so that up-to-date checks regenerate. */
	static final String GENERATOR_VERSION = "dbkit-codegen 0.1.0 #12";

	/**
	 * What a run did.
	 *
	 * @param upToDate whether nothing had changed, so nothing was done
	 * @param queries the number of queries
	 * @param written the files written (content changed)
	 * @param removed the stale files removed
	 */
	public record Result(boolean upToDate, int queries, int written, int removed) {
	}

	public Result run() {
		List<CodeGenerator.QuerySource> sources = QueryFiles.read(this.baseDir, this.queriesDir);
		String fingerprint = fingerprint(sources);
		if (fingerprint.equals(readState()) && Files.isDirectory(this.sourcesDir)) {
			return new Result(true, countQueries(sources), 0, 0);
		}
		JavaEmitter.Output output;
		try (AnalysisDatabase database = AnalysisDatabase.start(this.analysisUrl, this.analysisUser,
				this.analysisPassword)) {
			output = CodeGenerator.generate(this.config, this.migrationsDir, sources, database.dataSource(),
					database::simpleConnection);
		}
		int[] counts = new int[2];
		write(this.sourcesDir, output.sources(), counts);
		write(this.resourcesDir, output.resources(), counts);
		writeState(fingerprint);
		return new Result(false, countQueries(sources), counts[0], counts[1]);
	}

	private String fingerprint(List<CodeGenerator.QuerySource> sources) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			update(digest, GENERATOR_VERSION);
			update(digest, this.config.toString());
			for (CodeGenerator.QuerySource source : sources) {
				update(digest, source.resourcePath());
				update(digest, source.text());
			}
			if (Files.isDirectory(this.migrationsDir)) {
				for (Path file : list(this.migrationsDir)) {
					update(digest, file.getFileName().toString());
					update(digest, read(file));
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void update(MessageDigest digest, String value) {
		digest.update(value.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	private @Nullable String readState() {
		try {
			return Files.isRegularFile(this.stateFile) ? Files.readString(this.stateFile).strip() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private void writeState(String fingerprint) {
		try {
			Files.createDirectories(this.stateFile.getParent());
			Files.writeString(this.stateFile, fingerprint + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.stateFile, ex);
		}
	}

	/** Writes files whose content changed and removes files this directory no longer gets. */
	private static void write(Path directory, List<GeneratedFile> files, int[] counts) {
		try {
			Set<Path> kept = new HashSet<>();
			for (GeneratedFile file : files) {
				Path target = directory.resolve(file.path());
				kept.add(target.toAbsolutePath().normalize());
				if (Files.isRegularFile(target) && Files.readString(target).equals(file.content())) {
					continue;
				}
				Files.createDirectories(target.getParent());
				Files.writeString(target, file.content(), StandardCharsets.UTF_8);
				counts[0]++;
			}
			if (Files.isDirectory(directory)) {
				try (Stream<Path> existing = Files.walk(directory)) {
					for (Path file : existing.filter(Files::isRegularFile).toList()) {
						if (!kept.contains(file.toAbsolutePath().normalize())) {
							Files.delete(file);
							counts[1]++;
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write generated files into " + directory, ex);
		}
	}

	private static int countQueries(List<CodeGenerator.QuerySource> sources) {
		int count = 0;
		for (CodeGenerator.QuerySource source : sources) {
			count += (int) source.text().lines().filter((line) -> line.strip().matches("--\\s*name:.*")).count();
		}
		return count;
	}

	private static List<Path> list(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + directory, ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
	}

}
