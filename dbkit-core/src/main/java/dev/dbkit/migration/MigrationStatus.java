package dev.dbkit.migration;

/**
 * The state of one version, comparing the files with the database's history.
 */
public enum MigrationStatus {

	/** Applied, and the file is unchanged since. */
	APPLIED,

	/** Not applied yet, above the current version: the next up applies it. */
	PENDING,

	/** Applied, but its file is no longer in the migrations location. */
	APPLIED_BUT_MISSING,

	/** Applied, but its {@code .up.sql} file was edited since. */
	CHECKSUM_CHANGED,

	/** Not applied, but numbered below a version that is: up refuses to run it out of order. */
	BELOW_CURRENT,

	/** Covered by a baseline (for example a database adopted from golang-migrate). */
	BASELINE,

	/** Recorded as failed in the history. */
	FAILED;

	/** Whether this state stops an up migration. */
	public boolean isProblem() {
		return this == APPLIED_BUT_MISSING || this == CHECKSUM_CHANGED || this == BELOW_CURRENT || this == FAILED;
	}

}
