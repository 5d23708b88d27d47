package dev.dbkit.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.dbkit.embedded.EmbeddedPostgresServer;
import dev.dbkit.test.TestPostgres.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TestPostgresTests {

	@Test
	void explicitUrlComesFirstEvenWhenDockerAnswers() {
		assertThat(TestPostgres.choose(settings(Map.of("jdbc-url", "jdbc:postgresql://db/x")), () -> true))
			.isEqualTo(Kind.URL);
	}

	@Test
	void testcontainersWhenDockerAnswersAndNoUrlIsGiven() {
		assertThat(TestPostgres.choose(settings(Map.of()), () -> true)).isEqualTo(Kind.TESTCONTAINERS);
	}

	@Test
	void embeddedWhenThereIsNeitherUrlNorDocker() {
		assertThat(TestPostgres.choose(settings(Map.of()), () -> false)).isEqualTo(Kind.EMBEDDED);
	}

	@Test
	void serverSettingForcesAChoice() {
		assertThat(TestPostgres.choose(settings(Map.of("server", "embedded", "jdbc-url", "jdbc:postgresql://db/x")),
				() -> true))
			.isEqualTo(Kind.EMBEDDED);
		assertThatIllegalStateException()
			.isThrownBy(() -> TestPostgres.choose(settings(Map.of("server", "h2")), () -> false))
			.withMessage("dbkit.test.server is 'h2'; use one of url, testcontainers, embedded (or leave it unset to "
					+ "choose automatically)");
	}

	@Test
	void forcedTestcontainersWithoutDockerFailsSayingWhatToDo() {
		if (TestPostgres.dockerAnswers()) {
			// Where Docker exists, the forced path must give a working server instead.
			TestPostgres containerized = TestPostgres.start(settings(Map.of("server", "testcontainers")));
			assertThat(containerized.kind()).isEqualTo(Kind.TESTCONTAINERS);
			assertThat(containerized.createDatabase("ContainerTests").name()).startsWith("t_containertests_");
			return;
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> TestPostgres.start(settings(Map.of("server", "testcontainers"))))
			.withMessageStartingWith("Testcontainers could not start postgres:17-alpine: ")
			.withMessageEndingWith(". Start a Docker engine, or unset dbkit.test.server to fall back to embedded "
					+ "PostgreSQL.");
	}

	@Test
	void thisMachineHasNoDockerSoTheSharedServerIsEmbedded() {
		// The build machines have no Docker engine and no URL is configured: the suite must run on embedded PostgreSQL.
		if (System.getenv("DBKIT_TEST_JDBC_URL") == null && System.getProperty("dbkit.test.jdbc-url") == null
				&& !TestPostgres.dockerAnswers()) {
			assertThat(TestPostgres.shared().kind()).isEqualTo(Kind.EMBEDDED);
		}
		assertThat(TestPostgres.shared().description()).isNotBlank();
	}

	@Test
	void urlServerCreatesDatabasesKeepingHostPortAndParameters() throws SQLException {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
			TestPostgres external = TestPostgres.forUrl(server.jdbcUrl("postgres") + "?ApplicationName=dbkit-test",
					"postgres", "");
			TestDatabase database = external.createDatabase("com.example.SomeTests");
			assertThat(database.name()).matches("t_com_example_sometests_[0-9a-f]{8}");
			assertThat(database.jdbcUrl())
				.isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/" + database.name()
						+ "?ApplicationName=dbkit-test");
			assertThat(query(database, "SELECT current_database()")).isEqualTo(database.name());
			assertThat(query(database, "SELECT current_setting('application_name')")).isEqualTo("dbkit-test");
		}
	}

	@Test
	void databaseNamesStayWithinPostgresLimits() {
		String name = TestPostgres.databaseName("a".repeat(200));
		assertThat(name.length()).isLessThanOrEqualTo(63);
	}

	static String query(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static java.util.function.Function<String, @Nullable String> settings(Map<String, String> values) {
		return values::get;
	}

	@Test
	void theContainerImageIsASetting() {
		assertThat(ContainerPostgres.image()).isEqualTo("postgres:17-alpine");
		System.setProperty("dbkit.test.image", " registry.acme.com/postgis/postgis:17-3.5 ");
		try {
			assertThat(ContainerPostgres.image()).isEqualTo("registry.acme.com/postgis/postgis:17-3.5");
		}
		finally {
			System.clearProperty("dbkit.test.image");
		}
	}

}
