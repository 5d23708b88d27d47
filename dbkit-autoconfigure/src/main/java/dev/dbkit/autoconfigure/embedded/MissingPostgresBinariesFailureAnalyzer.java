package dev.dbkit.autoconfigure.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.dbkit.embedded.MissingPostgresBinariesException;

/** Explains an embedded PostgreSQL without binaries for this machine: the artifact to add. */
class MissingPostgresBinariesFailureAnalyzer extends AbstractFailureAnalyzer<MissingPostgresBinariesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingPostgresBinariesException cause) {
		return new FailureAnalysis("dbkit-embedded-postgres has no PostgreSQL for this machine ("
				+ System.getProperty("os.name") + ", " + System.getProperty("os.arch") + ").",
				"Add the dependency " + cause.getArtifact() + " (its version comes from zonky's "
						+ "embedded-postgres-binaries-bom), or set spring.datasource.url to a PostgreSQL you run.",
				cause);
	}

}
