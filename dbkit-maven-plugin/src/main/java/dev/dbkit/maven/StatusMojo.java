package dev.dbkit.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import dev.dbkit.maven.DatabaseSettings.DatabaseSettingsException;
import dev.dbkit.migration.Migrator;
import dev.dbkit.migration.VersionStatus;

/**
 * Lists every version with its state: applied, pending, applied but missing, checksum changed, below current.
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractDbkitMojo {

	@Override
	void run() throws DatabaseSettingsException, MojoFailureException {
		Migrator migrator = migrator();
		List<VersionStatus> statuses = migrator.status();
		long current = Migrator.currentVersion(statuses);
		getLog().info("Current version: " + ((current == 0) ? "none" : current));
		for (VersionStatus status : statuses) {
			getLog().info(String.format("%-8s %-20s %s%s", status.versionText(), status.status(),
					status.description(), (status.installedOn() != null) ? "  (" + status.installedOn() + ")" : ""));
		}
		long problems = 0;
		for (VersionStatus status : statuses) {
			String problem = status.problem(current, migrator.catalog().location().toString());
			if (problem != null) {
				getLog().warn(problem);
				problems++;
			}
		}
		if (problems > 0) {
			getLog().warn(problems + " version(s) need attention before the next migrate.");
		}
	}

}
