package dev.dbkit.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the query files of a project, each with the path errors name it by (relative to the project) and the path
 * the application knows it by ({@code db/queries/feature_flags.sql}, relative to {@code src/main/resources}).
 */
public final class QueryFiles {

	private QueryFiles() {
	}

	public static List<CodeGenerator.QuerySource> read(Path baseDir, Path queriesDir) {
		List<CodeGenerator.QuerySource> sources = new ArrayList<>();
		if (!Files.isDirectory(queriesDir)) {
			return sources;
		}
		Path resourcesRoot = resourcesRoot(baseDir, queriesDir);
		try (Stream<Path> files = Files.list(queriesDir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
				sources.add(new CodeGenerator.QuerySource(display(baseDir, file), display(resourcesRoot, file),
						Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the query files in " + queriesDir, ex);
		}
		return sources;
	}

	/**
	 * The folder the application's class path starts at: {@code src/main/resources} when the queries are in it,
	 * else the project directory.
	 */
	private static Path resourcesRoot(Path baseDir, Path queries) {
		Path base = baseDir.toAbsolutePath().normalize();
		for (Path p = queries.toAbsolutePath().normalize(); p != null && p.startsWith(base) && !p.equals(base);
				p = p.getParent()) {
			if (p.getFileName().toString().equals("resources")) {
				return p;
			}
		}
		return base;
	}

	/** A file's path relative to {@code base} when it is inside it, with {@code /} separators. */
	public static String display(Path base, Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		Path root = base.toAbsolutePath().normalize();
		return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
	}

}
