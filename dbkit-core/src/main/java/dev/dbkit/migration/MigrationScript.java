package dev.dbkit.migration;

/**
 * One migration file.
 *
 * @param fileName the file's name, such as {@code 000001_create_tenants.up.sql}
 * @param path where it was found, for messages ({@code db/migrations/000001_create_tenants.up.sql} on the classpath,
 * the file's path on disk)
 * @param sql the file's content
 */
public record MigrationScript(String fileName, String path, String sql) {

	@Override
	public String toString() {
		return this.path;
	}

}
