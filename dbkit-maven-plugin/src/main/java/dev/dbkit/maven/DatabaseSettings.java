package dev.dbkit.maven;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.io.Resource;

import dev.dbkit.codegen.QueryFiles;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The database a goal works on: {@code -Ddbkit.url}/{@code -Ddbkit.user}/{@code -Ddbkit.password}, else the
 * application's own settings, read by Spring Boot's own config-data loading and binder, as the application would
 * read them when started from the project's folder: {@code application.yml}/{@code .properties} (also
 * {@code config/}, profile-specific files, multi-document YAML with {@code spring.config.activate.on-profile},
 * {@code spring.config.import}), profiles from {@code spring.profiles.active}/{@code SPRING_PROFILES_ACTIVE},
 * environment variables ({@code SPRING_DATASOURCE_URL}) and system properties, nested {@code ${...}} placeholders.
 * Like Boot's Flyway, {@code spring.flyway.url/user/password} win over {@code spring.datasource.*}: the goals migrate
 * as the role the application migrates as.
 *
 * @param url the JDBC URL
 * @param user the user, if any
 * @param password the password, if any
 * @param source where the URL came from, for messages
 */
record DatabaseSettings(String url, @Nullable String user, @Nullable String password, String source) {

	private static final String CLASS_PATH_RESOURCE = "class path resource [";

	static DatabaseSettings resolve(@Nullable String url, @Nullable String user, @Nullable String password,
			Path basedir, Map<String, String> environmentVariables, Map<String, Object> systemProperties)
			throws DatabaseSettingsException {
		if (url != null && !url.isBlank()) {
			return new DatabaseSettings(url, user, password, "-Ddbkit.url");
		}
		StandardEnvironment environment = applicationEnvironment(basedir, environmentVariables, systemProperties);
		Binder binder = Binder.get(environment);
		String flywayUrl = value(binder, "spring.flyway.url");
		String key = (flywayUrl != null) ? "spring.flyway.url" : "spring.datasource.url";
		String settingsUrl = (flywayUrl != null) ? flywayUrl : value(binder, "spring.datasource.url");
		if (settingsUrl == null || settingsUrl.isBlank()) {
			String profiles = String.join(",", environment.getActiveProfiles());
			throw new DatabaseSettingsException("No database to connect to: pass -Ddbkit.url=jdbc:postgresql://host:5432/db "
					+ "(with -Ddbkit.user and -Ddbkit.password), or set spring.datasource.url in "
					+ "src/main/resources/application.yml or application.properties, or the environment variable "
					+ "SPRING_DATASOURCE_URL" + (profiles.isEmpty() ? "" : " (active profiles: " + profiles + ")")
					+ ".");
		}
		return new DatabaseSettings(settingsUrl,
				(user != null) ? user : firstOf(binder, "spring.flyway.user", "spring.datasource.username"),
				(password != null) ? password : firstOf(binder, "spring.flyway.password", "spring.datasource.password"),
				origin(environment, key, basedir));
	}

	/**
	 * The environment a Spring Boot application started in {@code basedir} would have, up to its config data: Boot's
	 * default locations with the project's folder as the working directory, and its {@code src/main/resources} as the
	 * class path (not the plugin's, so nothing of Maven's leaks in).
	 */
	private static StandardEnvironment applicationEnvironment(Path basedir, Map<String, String> environmentVariables,
			Map<String, Object> systemProperties) throws DatabaseSettingsException {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
				new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, systemProperties));
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environmentVariables)));
		String root = "file:" + basedir.toAbsolutePath().normalize().toString().replace('\\', '/') + "/";
		Map<String, Object> defaults = new HashMap<>();
		// Boot's default search locations, with file: ones relative to the project as `spring-boot:run` would have them
		defaults.put("spring.config.location", "optional:classpath:/;optional:classpath:/config/,optional:" + root
				+ ";optional:" + root + "config/;optional:" + root + "config/*/");
		sources.addLast(new MapPropertySource("dbkitDefaults", defaults));
		URL resources;
		try {
			resources = basedir.resolve("src/main/resources").toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new DatabaseSettingsException(basedir + ": not a folder Spring Boot can read (" + ex.getMessage() + ")");
		}
		ConfigurationPropertySources.attach(environment);
		try (URLClassLoader classPath = new ApplicationResources(resources)) {
			ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(classPath),
					new DefaultBootstrapContext(), List.of());
		}
		catch (java.io.IOException | RuntimeException ex) {
			StringBuilder causes = new StringBuilder();
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause.getMessage() != null && causes.indexOf(cause.getMessage()) < 0) {
					causes.append((causes.length() > 0) ? ": " : "").append(cause.getMessage().strip());
				}
			}
			throw new DatabaseSettingsException("Spring Boot could not read the application's settings ("
					+ settingsFiles(basedir) + " in " + basedir + "): " + causes + ". Fix the file or pass -Ddbkit.url.");
		}
		return environment;
	}

	private static @Nullable String firstOf(Binder binder, String first, String second)
			throws DatabaseSettingsException {
		String value = value(binder, first);
		return (value != null) ? value : value(binder, second);
	}

	private static @Nullable String value(Binder binder, String name) throws DatabaseSettingsException {
		try {
			String value = binder.bind(name, String.class).orElse(null);
			int placeholder = (value != null) ? value.indexOf("${") : -1;
			if (placeholder >= 0) {
				// Boot's binder leaves what it cannot resolve as it is; a URL with ${DB_HOST} in it cannot connect
				int end = value.indexOf('}', placeholder);
				String missing = value.substring(placeholder + 2, (end < 0) ? value.length() : end);
				throw new DatabaseSettingsException(name + " cannot be read: ${" + missing + "} is not set (" + value
						+ "). Set the environment variable " + missing.split(":")[0] + ", or pass -Ddbkit.url.");
			}
			return value;
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new DatabaseSettingsException(name + " cannot be read: " + cause.getMessage()
					+ ". Set the environment variable it names, or pass -Ddbkit.url.");
		}
	}

	/** Where a setting came from: {@code src/main/resources/application-dev.yml:4:10}, or the variable's name. */
	private static String origin(StandardEnvironment environment, String name, Path basedir) {
		ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(key);
			if (property != null) {
				Origin origin = property.getOrigin();
				if (origin instanceof PropertySourceOrigin wrapped && wrapped.getOrigin() != null) {
					origin = wrapped.getOrigin();
				}
				if (origin instanceof TextResourceOrigin text && text.getLocation() != null && text.getResource() != null) {
					return relative(text.getResource(), basedir) + ":" + text.getLocation();
				}
				String text = (origin != null) ? origin.toString() : String.valueOf(source.getUnderlyingSource());
				String folder = basedir.toAbsolutePath().normalize().toString();
				return text.replace(folder + java.io.File.separator, "");
			}
		}
		return name;
	}

	/**
	 * The application's resources as the class path, with Boot's own (its {@code spring.factories}: the config-data
	 * loaders) from the plugin.
	 */
	private static final class ApplicationResources extends URLClassLoader {

		ApplicationResources(URL resources) {
			super(new URL[] { resources }, DatabaseSettings.class.getClassLoader());
		}

		@Override
		public @Nullable URL getResource(String name) {
			return name.startsWith("META-INF/") ? super.getResource(name) : findResource(name);
		}

		@Override
		public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
			return name.startsWith("META-INF/") ? super.getResources(name) : findResources(name);
		}

	}

	private static String relative(Resource resource, Path basedir) {
		String description = resource.getDescription();
		if (description.startsWith(CLASS_PATH_RESOURCE) && description.endsWith("]")) {
			// the class path here is src/main/resources alone (Boot wraps the resource, so its description tells)
			return "src/main/resources/" + description.substring(CLASS_PATH_RESOURCE.length(), description.length() - 1);
		}
		try {
			return QueryFiles.display(basedir, resource.getFile().toPath());
		}
		catch (java.io.IOException | RuntimeException ex) {
			return resource.getDescription();
		}
	}

	/** The settings files Boot would read, for a message about one that cannot be read. */
	private static String settingsFiles(Path basedir) {
		List<String> files = new java.util.ArrayList<>();
		for (Path folder : List.of(basedir.resolve("src/main/resources"), basedir.resolve("src/main/resources/config"),
				basedir, basedir.resolve("config"))) {
			try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(folder)) {
				list.filter((file) -> file.getFileName().toString().matches("application.*\\.(ya?ml|properties)"))
					.sorted()
					.forEach((file) -> files.add(QueryFiles.display(basedir, file)));
			}
			catch (java.io.IOException ex) {
				// no such folder
			}
		}
		return String.join(", ", files);
	}

	DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.url);
		if (this.user != null) {
			dataSource.setUser(this.user);
		}
		if (this.password != null) {
			dataSource.setPassword(this.password);
		}
		return dataSource;
	}

	/** The settings are missing or cannot be read: a problem the user fixes. */
	static class DatabaseSettingsException extends Exception {

		private static final long serialVersionUID = 1L;

		DatabaseSettingsException(String message) {
			super(message);
		}

	}

}
