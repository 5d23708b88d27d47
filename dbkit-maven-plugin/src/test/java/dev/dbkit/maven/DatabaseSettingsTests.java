package dev.dbkit.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.maven.DatabaseSettings.DatabaseSettingsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The goals read the application's settings as Spring Boot does: files, profiles, environment, placeholders. */
class DatabaseSettingsTests {

	@TempDir
	Path project;

	@Test
	void explicitUrlWins() throws Exception {
		write("application.properties", "spring.datasource.url=jdbc:postgresql://file/db\n");
		DatabaseSettings settings = DatabaseSettings.resolve("jdbc:postgresql://cli/db", "me", "secret", this.project,
				Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://env/db"), Map.of());
		assertThat(settings).isEqualTo(new DatabaseSettings("jdbc:postgresql://cli/db", "me", "secret", "-Ddbkit.url"));
	}

	@Test
	void readsSpringDatasourceFromApplicationYmlWithItsLine() throws Exception {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:postgresql://localhost:5432/app
				    username: app
				    password: s3cret
				---
				spring:
				  config.activate.on-profile: prod
				  datasource.url: jdbc:postgresql://prod/app
				""");
		DatabaseSettings settings = resolve(Map.of(), Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost:5432/app");
		assertThat(settings.user()).isEqualTo("app");
		assertThat(settings.password()).isEqualTo("s3cret");
		assertThat(settings.source()).isEqualTo("src/main/resources/application.yml:3:10");
	}

	@Test
	void aProfileFromTheEnvironmentSelectsItsYamlDocumentAndItsOwnFile() throws Exception {
		write("application.yml", """
				spring.datasource.url: jdbc:postgresql://localhost/app
				---
				spring:
				  config.activate.on-profile: prod
				  datasource.url: jdbc:postgresql://prod/app
				""");
		write("application-staging.properties", "spring.datasource.url=jdbc:postgresql://staging/app\n");
		assertThat(resolve(Map.of("SPRING_PROFILES_ACTIVE", "prod"), Map.of()).url())
			.isEqualTo("jdbc:postgresql://prod/app");
		assertThat(resolve(Map.of(), Map.of("spring.profiles.active", "staging")).url())
			.isEqualTo("jdbc:postgresql://staging/app");
		assertThat(resolve(Map.of(), Map.of()).url()).isEqualTo("jdbc:postgresql://localhost/app");
	}

	@Test
	void environmentVariablesWinOverTheFileAsInBoot() throws Exception {
		write("application.yml", "spring.datasource.url: jdbc:postgresql://localhost/app\n");
		DatabaseSettings settings = resolve(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://from-env/app",
				"SPRING_DATASOURCE_USERNAME", "env-user"), Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://from-env/app");
		assertThat(settings.user()).isEqualTo("env-user");
		assertThat(settings.source()).contains("SPRING_DATASOURCE_URL");
	}

	@Test
	void anEnvironmentVariableAloneIsEnough() throws Exception {
		assertThat(resolve(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://only-env/app"), Map.of()).url())
			.isEqualTo("jdbc:postgresql://only-env/app");
	}

	@Test
	void resolvesNestedPlaceholdersWithDefaults() throws Exception {
		write("application.properties", """
				db.host=${DB_HOST:localhost}
				spring.datasource.url=${DATABASE_URL:jdbc:postgresql://${db.host}:${DB_PORT}/app}
				spring.datasource.username=${db.user:fallback}
				""");
		DatabaseSettings settings = resolve(Map.of("DB_PORT", "6543", "DB_USER", "from-env"), Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost:6543/app");
		assertThat(settings.user()).isEqualTo("from-env");
	}

	@Test
	void flywaysOwnSettingsWinAsInBootsFlyway() throws Exception {
		write("application.yml", """
				spring:
				  datasource: { url: "jdbc:postgresql://localhost/app", username: app, password: app-secret }
				  flyway: { user: owner, password: owner-secret }
				""");
		DatabaseSettings settings = resolve(Map.of(), Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost/app");
		assertThat(settings.user()).isEqualTo("owner");
		assertThat(settings.password()).isEqualTo("owner-secret");
	}

	@Test
	void readsConfigFolderAndImports() throws Exception {
		Files.createDirectories(this.project.resolve("config"));
		Files.writeString(this.project.resolve("config/application.properties"),
				"spring.config.import=optional:file:./local.properties\n"
						+ "spring.datasource.url=jdbc:postgresql://config-folder/app\n");
		assertThat(resolve(Map.of(), Map.of()).url()).isEqualTo("jdbc:postgresql://config-folder/app");
	}

	@Test
	void unresolvablePlaceholderSaysWhatToSet() throws Exception {
		write("application.yml", "spring.datasource.url: jdbc:postgresql://${DB_HOST}/app\n");
		assertThatExceptionOfType(DatabaseSettingsException.class).isThrownBy(() -> resolve(Map.of(), Map.of()))
			.withMessageContaining("spring.datasource.url cannot be read")
			.withMessageContaining("DB_HOST")
			.withMessageEndingWith("Set the environment variable DB_HOST, or pass -Ddbkit.url.");
	}

	@Test
	void noDatabaseAnywhereSaysWhatToDo() throws Exception {
		write("application.yml", "spring.application.name: app\n");
		assertThatExceptionOfType(DatabaseSettingsException.class)
			.isThrownBy(() -> resolve(Map.of("SPRING_PROFILES_ACTIVE", "dev"), Map.of()))
			.withMessage("No database to connect to: pass -Ddbkit.url=jdbc:postgresql://host:5432/db (with "
					+ "-Ddbkit.user and -Ddbkit.password), or set spring.datasource.url in "
					+ "src/main/resources/application.yml or application.properties, or the environment variable "
					+ "SPRING_DATASOURCE_URL (active profiles: dev).");
	}

	@Test
	void aBrokenFileSaysWhichAndWhat() throws Exception {
		write("application.yml", "spring:\n  datasource: [unclosed\n");
		assertThatExceptionOfType(DatabaseSettingsException.class).isThrownBy(() -> resolve(Map.of(), Map.of()))
			.withMessageContaining("application.yml")
			.withMessageContaining("Fix the file or pass -Ddbkit.url.");
	}

	private DatabaseSettings resolve(Map<String, String> environment, Map<String, Object> systemProperties)
			throws DatabaseSettingsException {
		return DatabaseSettings.resolve(null, null, null, this.project, environment, systemProperties);
	}

	private void write(String name, String content) throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve(name), content);
	}

}
