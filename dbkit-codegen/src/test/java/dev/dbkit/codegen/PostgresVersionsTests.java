package dev.dbkit.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.codegen.parse.Query;
import dev.dbkit.codegen.parse.QueryFile;
import dev.dbkit.migration.Migrator;
import dev.dbkit.embedded.DatabaseRoles;
import dev.dbkit.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis on every PostgreSQL version an analysis server may have (16, 17, 18): the build copies the 16 and 18
 * binaries into {@code target/postgres-versions} (17 is the one every other test runs on). On each, the tenant-proof
 * corpus gives the same verdicts: every unsafe statement refused, every safe one accepted. PostgreSQL 16 does not
 * know a few statements of 17 (MERGE ... NOT MATCHED BY SOURCE, MERGE ... RETURNING); there it refuses them itself.
 */
class PostgresVersionsTests {

	static final Path VERSIONS = Path.of("target/postgres-versions");

	@TempDir
	Path work;

	@TestFactory
	Stream<DynamicTest> theTenantProofGivesTheSameVerdicts() throws IOException {
		List<Path> jars;
		try (Stream<Path> files = Files.list(VERSIONS)) {
			jars = files.filter((f) -> f.toString().endsWith(".jar")).sorted().toList();
		}
		assertThat(jars).as("PostgreSQL 16 and 18 binaries in %s (copied by the build)", VERSIONS).hasSize(2);
		return jars.stream().map((jar) -> DynamicTest.dynamicTest(jar.getFileName().toString(), () -> check(jar)));
	}

	private void check(Path jar) throws Exception {
		Path data = Files.createTempDirectory(this.work, "data");
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setPgBinaryResolver((system, machine) -> txz(jar))
			.setDataDirectory(data)
			.setCleanDataDirectory(true)
			.start()) {
			int major;
			try (var connection = server.getPostgresDatabase().getConnection();
					var statement = connection.createStatement();
					var rs = statement.executeQuery("SHOW server_version_num")) {
				rs.next();
				major = Integer.parseInt(rs.getString(1)) / 10000;
			}
			assertThat(jar.getFileName().toString()).contains("-" + major + ".");
			try (var connection = server.getPostgresDatabase().getConnection()) {
				DatabaseRoles.createRoles(connection);
				DatabaseRoles.createDatabase(connection, "corpus");
			}
			// as the administrator, as TenantProofCorpusTests does
			TestDatabase database = new TestDatabase("corpus", server.getJdbcUrl("postgres", "corpus"), "postgres",
					"postgres", DatabaseRoles.APPLICATION, DatabaseRoles.APPLICATION_PASSWORD);
			Migrator.create(database.dataSource(),
					"filesystem:" + TenantProofCorpusTests.CORPUS.resolve("db/migrations").toAbsolutePath()).up();

			List<Diagnostic> unsafe = new ArrayList<>();
			List<QueryFile> unsafeFiles = TenantProofCorpusTests.parse("unsafe", unsafe);
			TenantProofCorpusTests.analyze(unsafeFiles, unsafe, database);
			for (QueryFile file : unsafeFiles) {
				for (Query query : file.queries()) {
					List<Diagnostic> own = unsafe.stream()
						.filter((d) -> d.message().startsWith("query " + query.name() + " ")
								|| d.message().startsWith("query " + query.name() + ":"))
						.toList();
					assertThat(own).as("PostgreSQL %d: %s is refused", major, query.name()).isNotEmpty();
					if (major >= 17) {
						assertThat(own).as("PostgreSQL %d: %s is refused for tenancy", major, query.name())
							.allSatisfy((d) -> assertThat(d.code()).as(d.toString()).isEqualTo(Diagnostic.TENANCY));
					}
				}
			}
			List<Diagnostic> safe = new ArrayList<>();
			TenantProofCorpusTests.analyze(TenantProofCorpusTests.parse("safe", safe), safe, database);
			if (major == 16) {
				// statements PostgreSQL 16 cannot parse (MERGE ... RETURNING) are its own refusal, not the proof's
				int before = safe.size();
				safe.removeIf((d) -> !Diagnostic.TENANCY.equals(d.code()) && d.message().contains("syntax error"));
				assertThat(before - safe.size()).as("safe statements PostgreSQL 16 cannot parse").isLessThanOrEqualTo(3);
			}
			assertThat(safe).as("PostgreSQL %d accepts the safe corpus", major).isEmpty();
		}
	}

	private static InputStream txz(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			var entry = file.stream()
				.filter((e) -> e.getName().endsWith(".txz"))
				.findFirst()
				.orElseThrow(() -> new IOException("no .txz in " + jar));
			try (InputStream in = file.getInputStream(entry)) {
				return new java.io.ByteArrayInputStream(in.readAllBytes());
			}
		}
	}

}
