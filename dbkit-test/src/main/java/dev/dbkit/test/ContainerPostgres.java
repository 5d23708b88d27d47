package dev.dbkit.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers path, in its own class so that nothing loads Testcontainers unless Docker is there.
 */
final class ContainerPostgres {

	static final String IMAGE = "postgres:17-alpine";

	private ContainerPostgres() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
	static TestPostgres start() {
		PostgreSQLContainer container;
		try {
			container = new PostgreSQLContainer(IMAGE);
			container.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Testcontainers could not start " + IMAGE + ": " + ex.getMessage()
					+ ". Start a Docker engine, or unset dbkit.test.server to fall back to embedded PostgreSQL.", ex);
		}
		return TestPostgres.forContainer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"PostgreSQL in a Testcontainers container (" + IMAGE + ")");
	}

}
