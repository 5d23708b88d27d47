package dev.dbkit.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.maven.DatabaseSettings.DatabaseSettingsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseSettingsTests {

	@TempDir
	Path project;

	private final UnaryOperator<@Nullable String> noEnvironment = (name) -> null;

	@Test
	void explicitUrlWins() throws Exception {
		write("application.properties", "spring.datasource.url=jdbc:postgresql://file/db\n");
		DatabaseSettings settings = DatabaseSettings.resolve("jdbc:postgresql://cli/db", "me", "secret", this.project,
				this.noEnvironment);
		assertThat(settings).isEqualTo(new DatabaseSettings("jdbc:postgresql://cli/db", "me", "secret", "-Ddbkit.url"));
	}

	@Test
	void readsSpringDatasourceFromApplicationYml() throws Exception {
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
		assertThat(DatabaseSettings.resolve(null, null, null, this.project, this.noEnvironment))
			.isEqualTo(new DatabaseSettings("jdbc:postgresql://localhost:5432/app", "app", "s3cret",
					"src/main/resources/application.yml"));
	}

	@Test
	void readsSpringDatasourceFromApplicationProperties() throws Exception {
		write("application.properties", """
				spring.datasource.url=jdbc:postgresql://localhost/props
				spring.datasource.username=props
				""");
		DatabaseSettings settings = DatabaseSettings.resolve(null, null, "cli-password", this.project,
				this.noEnvironment);
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost/props");
		assertThat(settings.user()).isEqualTo("props");
		assertThat(settings.password()).isEqualTo("cli-password");
	}

	@Test
	void resolvesPlaceholdersFromTheEnvironmentWithDefaults() throws Exception {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:postgresql://${DB_HOST:localhost}:${DB_PORT}/app
				    username: ${db.user:fallback}
				""");
		UnaryOperator<@Nullable String> environment = Map.of("DB_PORT", "6543", "DB_USER", "from-env")::get;
		DatabaseSettings settings = DatabaseSettings.resolve(null, null, null, this.project, environment);
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost:6543/app");
		assertThat(settings.user()).isEqualTo("from-env");
	}

	@Test
	void unresolvablePlaceholderSaysWhatToSet() throws Exception {
		write("application.yml", "spring.datasource.url: jdbc:postgresql://${DB_HOST}/app\n");
		assertThatExceptionOfType(DatabaseSettingsException.class)
			.isThrownBy(() -> DatabaseSettings.resolve(null, null, null, this.project, this.noEnvironment))
			.withMessage(this.project.resolve("src/main/resources/application.yml")
					+ ": ${DB_HOST} is not set. Set the environment variable DB_HOST or pass -Ddbkit.url.");
	}

	@Test
	void noDatabaseAnywhereSaysWhatToDo() throws Exception {
		write("application.yml", "spring.application.name: app\n");
		assertThatExceptionOfType(DatabaseSettingsException.class)
			.isThrownBy(() -> DatabaseSettings.resolve(null, null, null, this.project, this.noEnvironment))
			.withMessage("No database to connect to: pass -Ddbkit.url=jdbc:postgresql://host:5432/db (with "
					+ "-Ddbkit.user and -Ddbkit.password), or set spring.datasource.url in "
					+ "src/main/resources/application.yml or application.properties.");
	}

	private void write(String name, String content) throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve(name), content);
	}

}
