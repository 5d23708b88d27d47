package dev.dbkit.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import dev.dbkit.maven.DatabaseSettings.DatabaseSettingsException;
import dev.dbkit.migration.Migration;

/**
 * Applies every pending up migration ({@code make migrate-up}).
 */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends AbstractDbkitMojo {

	@Override
	void run() throws DatabaseSettingsException, MojoFailureException {
		List<Migration> applied = migrator().up();
		if (applied.isEmpty()) {
			getLog().info("Database is up to date; nothing to apply.");
		}
		for (Migration migration : applied) {
			getLog().info("Applied " + migration.name());
		}
	}

}
