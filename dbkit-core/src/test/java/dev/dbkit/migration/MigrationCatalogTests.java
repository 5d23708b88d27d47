package dev.dbkit.migration;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationCatalogTests {

	@TempDir
	Path dir;

	@Test
	void pairsUpAndDownFilesInVersionOrder() {
		MigrationFiles files = new MigrationFiles(this.dir).pair("000002_b", "B", "b")
			.pair("000010_c", "C", "c")
			.pair("000001_a", "A", "a")
			.file("README.md", "not a migration");
		MigrationCatalog catalog = MigrationCatalog.ofDirectory(files.directory());
		assertThat(catalog.migrations()).extracting(Migration::name)
			.containsExactly("000001_a", "000002_b", "000010_c");
		Migration first = catalog.migrations().get(0);
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.up().sql()).isEqualTo("A");
		assertThat(first.down().sql()).isEqualTo("a");
		assertThat(catalog.latestVersion()).isEqualTo(10);
	}

	@Test
	void missingDirectoryHoldsNoMigrations() {
		assertThat(MigrationCatalog.ofDirectory(this.dir.resolve("nope")).migrations()).isEmpty();
	}

	@Test
	void malformedNameIsAnErrorNamingTheFile() {
		MigrationFiles files = new MigrationFiles(this.dir).file("V1__create.sql", "x");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationCatalog.ofDirectory(files.directory()))
			.withMessage(files.path("V1__create.sql") + ": malformed migration file name. Name migrations "
					+ "NNNNNN_description.up.sql and NNNNNN_description.down.sql (for example "
					+ "000001_create_tenants.up.sql); `mvn dbkit:new -Dname=create_tenants` creates the next pair.");
	}

	@Test
	void duplicateVersionIsAnError() {
		MigrationFiles files = new MigrationFiles(this.dir).pair("000001_a", "A", "a").pair("1_b", "B", "b");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationCatalog.ofDirectory(files.directory()))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					files.path("1_b.down.sql") + ": duplicate version 1, also used by 000001_a.down.sql. "
							+ "Each version number may be used once; renumber one of them.",
					files.path("1_b.up.sql") + ": duplicate version 1, also used by 000001_a.up.sql. "
							+ "Each version number may be used once; renumber one of them."));
	}

	@Test
	void upWithoutDownIsAnError() {
		MigrationFiles files = new MigrationFiles(this.dir).file("000001_a.up.sql", "A");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationCatalog.ofDirectory(files.directory()))
			.withMessage(files.path("000001_a.up.sql") + ": up migration without a down migration. Add "
					+ "000001_a.down.sql that reverses it (use an empty file only if nothing can be reversed).");
	}

	@Test
	void downWithoutUpIsAnError() {
		MigrationFiles files = new MigrationFiles(this.dir).file("000001_a.down.sql", "a");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationCatalog.ofDirectory(files.directory()))
			.withMessage(files.path("000001_a.down.sql") + ": down migration without an up migration. Rename it to "
					+ "match its 000001_a.up.sql, or delete it.");
	}

	@Test
	void allProblemsAreReportedTogether() {
		MigrationFiles files = new MigrationFiles(this.dir).file("000001_a.up.sql", "A")
			.file("000002_b.down.sql", "b")
			.file("bad.sql", "x")
			.pair("000003_ok", "C", "c");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationCatalog.ofDirectory(files.directory()))
			.satisfies((ex) -> {
				assertThat(ex.getProblems()).hasSize(3);
				assertThat(ex.getMessage()).startsWith("3 migration problems:");
			});
	}

	@Test
	void readsFromTheClasspath() {
		MigrationCatalog catalog = MigrationCatalog.load("classpath:dbkit-test-migrations/basic", null);
		assertThat(catalog.migrations()).extracting(Migration::name)
			.containsExactly("000001_create_tenants", "000002_create_notes");
		assertThat(catalog.migrations().get(0).up().path())
			.isEqualTo("dbkit-test-migrations/basic/000001_create_tenants.up.sql");
	}

}
