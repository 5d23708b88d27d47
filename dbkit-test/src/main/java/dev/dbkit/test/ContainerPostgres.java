package dev.dbkit.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers path, in its own class so that nothing loads Testcontainers unless Docker is there.
 */
final class ContainerPostgres {

	static final String DEFAULT_IMAGE = "postgres:17-alpine";

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

	/**
	 * The image: {@code dbkit.test.image} / {@code DBKIT_TEST_IMAGE} (your registry's mirror, the PostgreSQL
	 * version production runs, an image with extensions such as {@code postgis/postgis:17-3.5}), else
	 * {@value #DEFAULT_IMAGE}.
	 */
	static String image() {
		String image = TestPostgres.setting("image");
		return (image != null) ? image.trim() : DEFAULT_IMAGE;
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
	static TestPostgres start() {
		String image = image();
		PostgreSQLContainer container;
		try {
			container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
			container.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Testcontainers could not start " + image + ": " + ex.getMessage()
					+ ". Start a Docker engine, or unset dbkit.test.server to fall back to embedded PostgreSQL.", ex);
		}
		return TestPostgres.forContainer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"PostgreSQL in a Testcontainers container (" + image + ")");
	}

}
