package dev.dbkit.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTests {

	@Test
	void temporaryServerRunsPostgres17AndDeletesItsDataOnClose() throws SQLException {
		Path dataDirectory;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
			dataDirectory = server.dataDirectory();
			assertThat(server.version()).startsWith("17.");
			assertThat(query(server, "postgres", "SHOW fsync")).isEqualTo("off");
		}
		assertThat(Files.exists(dataDirectory)).isFalse();
	}

	@Test
	void persistentServerKeepsItsDataAcrossARestart(@TempDir Path temp) throws SQLException {
		Path dataDirectory = temp.resolve("pgdata");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDirectory, 0)) {
			server.createDatabaseIfMissing("app");
			execute(server, "app", "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDirectory, 0)) {
			server.createDatabaseIfMissing("app");
			assertThat(query(server, "app", "SELECT note FROM kept")).isEqualTo("still here");
			assertThat(server.dataDirectory()).isEqualTo(dataDirectory.toAbsolutePath());
		}
	}

	@Test
	void aServerLeftRunningByAKilledJvmIsStoppedAndTheDataKept(@TempDir Path temp) throws Exception {
		Path dataDirectory = temp.resolve("pgdata");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				StartPersistentMain.class.getName(), dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		java.io.BufferedReader output = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()));
		String line;
		do {
			line = output.readLine();
		}
		while (line != null && !line.startsWith("STARTED "));
		assertThat(line).as("the other JVM started its server").isNotNull();
		jvm.destroyForcibly(); // SIGKILL: its postgres keeps running
		jvm.waitFor();
		long orphan = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDirectory, 0)) {
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(query(server, "app", "SELECT current_database()")).isEqualTo("app");
		}
	}

	private static void execute(EmbeddedPostgresServer server, String database, String sql) throws SQLException {
		try (Connection connection = server.dataSource(database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(EmbeddedPostgresServer server, String database, String sql) throws SQLException {
		try (Connection connection = server.dataSource(database).getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
