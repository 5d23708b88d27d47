package dev.dbkit.migration;

import java.nio.file.Path;

/**
 * Where migration files live: on the classpath ({@code classpath:db/migrations}) or in a directory
 * ({@code filesystem:src/main/resources/db/migrations}; a location without a prefix is a directory).
 *
 * @param classpath whether the location is on the classpath
 * @param path the classpath folder (no leading slash) or the directory
 */
public record MigrationLocation(boolean classpath, String path) {

	/** The default location, {@code classpath:db/migrations}. */
	public static final String DEFAULT = "classpath:db/migrations";

	public static MigrationLocation parse(String location) {
		String trimmed = location.trim();
		if (trimmed.startsWith("classpath:")) {
			String path = trimmed.substring("classpath:".length());
			while (path.startsWith("/")) {
				path = path.substring(1);
			}
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			return new MigrationLocation(true, path);
		}
		if (trimmed.startsWith("filesystem:")) {
			return new MigrationLocation(false, trimmed.substring("filesystem:".length()));
		}
		return new MigrationLocation(false, trimmed);
	}

	public static MigrationLocation directory(Path directory) {
		return new MigrationLocation(false, directory.toString());
	}

	/** The same location in Flyway's syntax. */
	public String toFlywayLocation() {
		return this.classpath ? "classpath:" + this.path : "filesystem:" + Path.of(this.path).toAbsolutePath();
	}

	@Override
	public String toString() {
		return this.classpath ? "classpath:" + this.path : this.path;
	}

}
