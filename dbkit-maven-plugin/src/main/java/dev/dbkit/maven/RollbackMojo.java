package dev.dbkit.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dbkit.maven.DatabaseSettings.DatabaseSettingsException;
import dev.dbkit.migration.Migration;

/**
 * Rolls back the latest applied versions with their {@code .down.sql} files, newest first
 * ({@code make migrate-down}).
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractDbkitMojo {

	/** How many versions to roll back: a number, or "all". */
	@Parameter(property = "dbkit.steps", defaultValue = "1")
	String steps = "1";

	@Override
	void run() throws DatabaseSettingsException, MojoFailureException {
		List<Migration> rolledBack = migrator().rollback(parseSteps(this.steps));
		if (rolledBack.isEmpty()) {
			getLog().info("No applied versions; nothing to roll back.");
		}
		for (Migration migration : rolledBack) {
			getLog().info("Rolled back " + migration.name());
		}
	}

	static int parseSteps(String steps) throws MojoFailureException {
		if ("all".equalsIgnoreCase(steps.trim())) {
			return Integer.MAX_VALUE;
		}
		try {
			int value = Integer.parseInt(steps.trim());
			if (value >= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new MojoFailureException("-Ddbkit.steps=" + steps + " is not a number of versions: use a whole number "
				+ "of at least 1, or all.");
	}

}
