package dev.dbkit.autoconfigure.migration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.dbkit.migration.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationFailureAnalyzerTests {

	@Test
	void describesTheProblemAndWhatToDo() {
		MigrationException problem = new MigrationException("db/migrations/000002_x.up.sql: edited after version "
				+ "000002 was applied (checksum changed).");
		FailureAnalysis analysis = new MigrationFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", problem));
		assertThat(analysis.getDescription()).isEqualTo("dbkit did not migrate the database: "
				+ "db/migrations/000002_x.up.sql: edited after version 000002 was applied (checksum changed).");
		assertThat(analysis.getAction()).isEqualTo("Fix what is described above; the application starts once the "
				+ "migrations apply. `mvn dbkit:status` lists every version's state.");
	}

}
