package dev.dbkit.autoconfigure.migration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.dbkit.migration.MigrationException;

/**
 * Explains a start-up stopped by a migration problem: what is wrong, and what to do.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		String description = "dbkit did not migrate the database: " + cause.getMessage();
		String action = "Fix what is described above; the application starts once the migrations apply. "
				+ "`mvn dbkit:status` lists every version's state.";
		return new FailureAnalysis(description, action, cause);
	}

}
