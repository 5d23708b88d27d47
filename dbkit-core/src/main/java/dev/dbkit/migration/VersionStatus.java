package dev.dbkit.migration;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of {@code status}.
 *
 * @param versionText the version as written in the file name or the history
 * @param description what the migration does
 * @param status its state
 * @param script the up file's path, or the script recorded in the history when the file is missing
 * @param installedOn when it was applied, if it was
 */
public record VersionStatus(String versionText, String description, MigrationStatus status, String script,
		@Nullable Instant installedOn) {

	/** The problem this state poses, with what to do, or {@code null} when there is none. */
	public @Nullable String problem(long currentVersion, String location) {
		return switch (this.status) {
			case APPLIED_BUT_MISSING -> "version " + this.versionText + " (" + this.script
					+ ") is applied in the database but its file is missing from " + location
					+ ". Restore the file from version control; migrations that ran must stay on disk.";
			case CHECKSUM_CHANGED -> this.script + ": edited after version " + this.versionText
					+ " was applied (checksum changed). Revert the edit and put the change in a new migration "
					+ "(mvn dbkit:new -Dname=...).";
			case BELOW_CURRENT -> this.script + ": version " + this.versionText
					+ " is not applied, but the database is already at version " + currentVersion
					+ ". Renumber it above the latest applied version so that it runs after them.";
			case FAILED -> "version " + this.versionText + " (" + this.script
					+ ") is recorded as failed. Repair the schema by hand, delete its row from the history table, "
					+ "and run again.";
			default -> null;
		};
	}

}
