package dev.dbkit.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The goals as a user runs them, against a real PostgreSQL: new, migrate, status, rollback.
 */
class GoalsTests {

	@TempDir
	Path project;

	TestDatabase db;

	@BeforeEach
	void projectWithPlatformMigrations() throws Exception {
		this.db = TestPostgres.shared().createDatabase("GoalsTests");
		Path migrations = Files.createDirectories(this.project.resolve("src/main/resources/db/migrations"));
		Files.writeString(migrations.resolve("000001_create_tenants.up.sql"), """
				CREATE TABLE tenants (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), name TEXT NOT NULL);
				CREATE FUNCTION update_updated_at_column() RETURNS trigger AS $$
				BEGIN NEW.updated_at = now(); RETURN NEW; END;
				$$ LANGUAGE plpgsql;
				""");
		Files.writeString(migrations.resolve("000001_create_tenants.down.sql"),
				"DROP FUNCTION update_updated_at_column(); DROP TABLE tenants;");
		// The connection comes from the project's application.yml, as it would in a real project.
		Path resources = this.project.resolve("src/main/resources");
		Files.writeString(resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: %s
				    username: %s
				""".formatted(this.db.jdbcUrl(), this.db.username()));
	}

	@Test
	void newMigrateStatusRollback() throws Exception {
		RecordingLog log = new RecordingLog();
		NewMojo newMojo = configure(new NewMojo(), log);
		newMojo.name = "create_things";
		newMojo.execute();
		assertThat(log.lines).anyMatch((line) -> line.endsWith("000002_create_things.up.sql"));

		configure(new MigrateMojo(), log).execute();
		assertThat(log.lines).contains("INFO Applied 000001_create_tenants", "INFO Applied 000002_create_things");
		assertThat(tables()).contains("tenants", "things");

		log.lines.clear();
		configure(new StatusMojo(), log).execute();
		assertThat(log.lines).contains("INFO Current version: 2")
			.anyMatch((line) -> line.startsWith("INFO 000002   APPLIED              create_things"));

		RollbackMojo rollback = configure(new RollbackMojo(), log);
		rollback.execute();
		assertThat(log.lines).contains("INFO Rolled back 000002_create_things");
		assertThat(tables()).contains("tenants").doesNotContain("things");

		log.lines.clear();
		configure(new StatusMojo(), log).execute();
		assertThat(log.lines).contains("INFO Current version: 1")
			.anyMatch((line) -> line.startsWith("INFO 000002   PENDING              create_things"));

		rollback = configure(new RollbackMojo(), log);
		rollback.steps = "all";
		rollback.execute();
		assertThat(tables()).isEmpty();
	}

	@Test
	void generateAddsSourcesAndIsUpToDateOnTheSecondRun() throws Exception {
		Path queries = Files.createDirectories(this.project.resolve("src/main/resources/db/queries"));
		Files.writeString(queries.resolve("tenants.sql"), "-- name: GetTenant :one\nSELECT * FROM tenants WHERE id = $1;\n");
		MavenProject maven = new MavenProject();
		maven.getBuild().setDirectory(this.project.resolve("target").toString());
		RecordingLog log = new RecordingLog();
		GenerateMojo generate = generateMojo(maven, log);
		generate.execute();
		Path repository = this.project.resolve("target/generated-sources/dbkit/com/acme/db/TenantsRepository.java");
		assertThat(repository).exists();
		assertThat(Files.readString(repository)).contains("public Optional<Tenant> getTenant(UUID id)");
		assertThat(this.project.resolve("target/generated-resources/dbkit/META-INF/services/"
				+ "dev.dbkit.repository.RepositoryIndex")).hasContent("com.acme.db.DbkitRepositoryIndex");
		assertThat(maven.getCompileSourceRoots())
			.contains(this.project.resolve("target/generated-sources/dbkit").toAbsolutePath().toString());
		assertThat(maven.getResources()).extracting((r) -> r.getDirectory())
			.contains(this.project.resolve("target/generated-resources/dbkit").toAbsolutePath().toString());
		assertThat(log.lines).anyMatch((line) -> line.startsWith("INFO dbkit: generated 1 queries into"));

		log.lines.clear();
		generateMojo(maven, log).execute();
		assertThat(log.lines).anyMatch((line) -> line.startsWith("INFO dbkit: 1 queries up to date")
				&& line.endsWith("no database started)"));
	}

	@Test
	void generateFailsListingEveryProblemAndWritesNothing() throws Exception {
		Path queries = Files.createDirectories(this.project.resolve("src/main/resources/db/queries"));
		Files.writeString(queries.resolve("tenants.sql"), """
				-- name: GetTenant :one
				SELECT nope FROM tenants WHERE id = $1;

				-- name: Other :first
				SELECT 1;
				""");
		MavenProject maven = new MavenProject();
		maven.getBuild().setDirectory(this.project.resolve("target").toString());
		RecordingLog log = new RecordingLog();
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(() -> generateMojo(maven, log).execute())
			.withMessageStartingWith("2 problems in query files; nothing was generated:");
		assertThat(log.lines).containsExactly(
				"ERROR src/main/resources/db/queries/tenants.sql:2:8: query GetTenant: column \"nope\" does not exist "
						+ "(Perhaps you meant to reference the column \"tenants.name\".)",
				"ERROR src/main/resources/db/queries/tenants.sql:4:16: unknown command :first for query Other: use :one, "
						+ ":many, :exec, :execrows, :execresult, :execlastid, :batchexec, :batchone, :batchmany or :copyfrom");
		assertThat(this.project.resolve("target/generated-sources/dbkit")).doesNotExist();
	}

	@Test
	void verifyListsFindingsWritesTheReportAndFailsOnErrors() throws Exception {
		Files.writeString(this.project.resolve("src/main/resources/db/migrations/000002_things.up.sql"),
				"CREATE TABLE things (id UUID PRIMARY KEY, tenant_id UUID NOT NULL REFERENCES tenants(id));");
		Files.writeString(this.project.resolve("src/main/resources/db/migrations/000002_things.down.sql"),
				"DROP TABLE things;");
		MavenProject maven = new MavenProject();
		maven.getBuild().setDirectory(this.project.resolve("target").toString());
		RecordingLog log = new RecordingLog();
		VerifyMojo verify = verifyMojo(maven, log);
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(verify::execute)
			.withMessageStartingWith("dbkit verify: 6 errors, 3 warnings (2 tables, 2 migrations, 0 queries, ");
		assertThat(log.lines).contains("ERROR src/main/resources/db/migrations/000002_things.up.sql:1: [tenant-index] "
				+ "error: table things has no index that starts with tenant_id: add `CREATE INDEX idx_things_tenant "
				+ "ON things(tenant_id);`");
		assertThat(log.lines).anyMatch((line) -> line.startsWith("WARN src/main/resources/db/migrations/"
				+ "000002_things.up.sql:1: [soft-delete] warning:"));
		assertThat(log.lines).contains("WARN src/main/resources/db/migrations/000002_things.up.sql:1: [tenant-keys] "
				+ "warning: primary key things_pkey (things.id) does not include tenant_id: Citus can distribute things "
				+ "by tenant_id only when every primary key and unique constraint includes it. Write `PRIMARY KEY "
				+ "(tenant_id, id)`");
		assertThat(this.project.resolve("target/dbkit/verify-report.json")).content().contains("\"errors\" : 6");
		// code scanning: paths from the repository's root, here the project's parent folder
		assertThat(this.project.resolve("target/dbkit/verify-report.sarif")).content()
			.contains("\"version\" : \"2.1.0\"")
			.contains("\"uri\" : \"" + this.project.getFileName() + "/src/main/resources/db/migrations/000002_things.up.sql\"")
			.contains("\"ruleId\" : \"tenant-keys\"");

		log.lines.clear();
		verify = verifyMojo(maven, log);
		verify.severities = java.util.Map.of("tenant-index", "warning", "timestamps", "off", "row-level-security",
				"off");
		verify.suppressions = java.util.Map.of("things", "soft-delete,tenant-keys");
		verify.execute();
		assertThat(log.lines).anyMatch((line) -> line.startsWith("INFO dbkit verify: 0 errors, 2 warnings"));
		assertThat(log.lines).noneMatch((line) -> line.contains("[soft-delete]") || line.contains("[tenant-keys]"));
	}

	private VerifyMojo verifyMojo(MavenProject maven, RecordingLog log) {
		VerifyMojo verify = configure(new VerifyMojo(), log);
		verify.project = maven;
		verify.queriesDir = this.project.resolve("src/main/resources/db/queries").toFile();
		verify.reportFile = this.project.resolve("target/dbkit/verify-report.json").toFile();
		verify.sarifFile = this.project.resolve("target/dbkit/verify-report.sarif").toFile();
		verify.sarifRoot = this.project.getParent().toFile();
		verify.analysisUrl = this.db.jdbcUrl();
		verify.analysisUser = this.db.username();
		verify.analysisPassword = this.db.password();
		return verify;
	}

	private GenerateMojo generateMojo(MavenProject maven, RecordingLog log) {
		GenerateMojo generate = configure(new GenerateMojo(), log);
		generate.project = maven;
		generate.packageName = "com.acme.db";
		generate.queriesDir = this.project.resolve("src/main/resources/db/queries").toFile();
		generate.outputDirectory = this.project.resolve("target/generated-sources/dbkit").toFile();
		generate.resourcesDirectory = this.project.resolve("target/generated-resources/dbkit").toFile();
		generate.fingerprintFile = this.project.resolve("target/dbkit/generate.fingerprint").toFile();
		generate.analysisUrl = this.db.jdbcUrl();
		generate.analysisUser = this.db.username();
		generate.analysisPassword = this.db.password();
		return generate;
	}

	@Test
	void problemsBecomeFailuresWithDbkitsMessage() throws Exception {
		Files.writeString(this.project.resolve("src/main/resources/db/migrations/000002_orphan.up.sql"), "SELECT 1;");
		assertThatExceptionOfType(MojoFailureException.class)
			.isThrownBy(() -> configure(new MigrateMojo(), new RecordingLog()).execute())
			.withMessageContaining("000002_orphan.up.sql: up migration without a down migration");
	}

	@Test
	void unreachableDatabaseSaysWhatToCheck() {
		MigrateMojo migrate = configure(new MigrateMojo(), new RecordingLog());
		migrate.url = "jdbc:postgresql://localhost:1/nowhere";
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(migrate::execute)
			.withMessageStartingWith("Could not connect to jdbc:postgresql://localhost:1/nowhere (from -Ddbkit.url)")
			.withMessageEndingWith("Check that the database is running, or pass -Ddbkit.url, -Ddbkit.user and "
					+ "-Ddbkit.password.");
	}

	@Test
	void stepsMustBeAPositiveNumberOrAll() throws Exception {
		assertThat(RollbackMojo.parseSteps("3")).isEqualTo(3);
		assertThat(RollbackMojo.parseSteps("ALL")).isEqualTo(Integer.MAX_VALUE);
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(() -> RollbackMojo.parseSteps("0"))
			.withMessage("-Ddbkit.steps=0 is not a number of versions: use a whole number of at least 1, or all.");
	}

	private <T extends AbstractDbkitMojo> T configure(T mojo, RecordingLog log) {
		mojo.basedir = this.project.toFile();
		mojo.migrationsDir = new File(this.project.toFile(), "src/main/resources/db/migrations");
		mojo.setLog(log);
		return mojo;
	}

	private List<String> tables() {
		List<String> tables = new java.util.ArrayList<>();
		try (var connection = this.db.dataSource().getConnection();
				var rs = connection.createStatement()
					.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
							+ "AND tablename <> 'flyway_schema_history'")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return tables;
	}

}
