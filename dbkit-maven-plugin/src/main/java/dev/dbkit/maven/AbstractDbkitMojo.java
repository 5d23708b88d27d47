package dev.dbkit.maven;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.dbkit.maven.DatabaseSettings.DatabaseSettingsException;
import dev.dbkit.migration.MigrationException;
import dev.dbkit.migration.Migrator;

/**
 * What the goals share: the project, the migrations directory and, for the goals that need one, the database. Known
 * user errors become {@link MojoFailureException}s with dbkit's message; anything else is a
 * {@link MojoExecutionException}.
 */
abstract class AbstractDbkitMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	File basedir;

	/** Directory of the NNNNNN_description.up.sql/.down.sql files. */
	@Parameter(property = "dbkit.migrationsDir", defaultValue = "${project.basedir}/src/main/resources/db/migrations")
	File migrationsDir;

	/**
	 * JDBC URL of the database; defaults to the application's own setting, read as Spring Boot reads it
	 * ({@code spring.flyway.url}, else {@code spring.datasource.url}; files, profiles, environment variables).
	 */
	@Parameter(property = "dbkit.url")
	@Nullable String url;

	/** Database user; defaults to spring.datasource.username. */
	@Parameter(property = "dbkit.user")
	@Nullable String user;

	/** Database password; defaults to spring.datasource.password. */
	@Parameter(property = "dbkit.password")
	@Nullable String password;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		try {
			run();
		}
		catch (MigrationException | DatabaseSettingsException | IllegalArgumentException
				| dev.dbkit.codegen.CodegenException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new MojoExecutionException(ex.getMessage(), ex);
		}
	}

	abstract void run() throws DatabaseSettingsException, MojoFailureException;

	private static java.util.Map<String, Object> systemProperties() {
		java.util.Map<String, Object> properties = new java.util.HashMap<>();
		System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), value));
		return properties;
	}

	/** A migrator for the migrations directory on the configured database, after checking it can connect. */
	Migrator migrator() throws DatabaseSettingsException, MojoFailureException {
		DatabaseSettings settings = DatabaseSettings.resolve(this.url, this.user, this.password,
				this.basedir.toPath(), System.getenv(), systemProperties());
		try (Connection connection = settings.dataSource().getConnection()) {
			getLog().info("Database " + settings.url() + " (" + connection.getMetaData().getDatabaseProductName()
					+ " " + connection.getMetaData().getDatabaseProductVersion() + ", from " + settings.source()
					+ "), migrations in " + this.migrationsDir);
		}
		catch (SQLException ex) {
			throw new MojoFailureException("Could not connect to " + settings.url() + " (from " + settings.source()
					+ "): " + ex.getMessage() + ". Check that the database is running, or pass -Ddbkit.url, "
					+ "-Ddbkit.user and -Ddbkit.password.", ex);
		}
		return Migrator.create(settings.dataSource(), "filesystem:" + this.migrationsDir.getAbsolutePath());
	}

}
