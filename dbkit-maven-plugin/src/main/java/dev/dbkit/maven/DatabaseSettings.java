package dev.dbkit.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The database a goal works on: {@code -Ddbkit.url}/{@code -Ddbkit.user}/{@code -Ddbkit.password}, else
 * {@code spring.datasource.*} from the project's {@code src/main/resources/application.yml} (or {@code .yaml},
 * {@code .properties}). {@code ${NAME}} and {@code ${NAME:default}} placeholders are resolved from system properties
 * and the environment, as Spring Boot would.
 *
 * @param url the JDBC URL
 * @param user the user, if any
 * @param password the password, if any
 * @param source where the settings came from, for messages
 */
record DatabaseSettings(String url, @Nullable String user, @Nullable String password, String source) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

	static DatabaseSettings resolve(@Nullable String url, @Nullable String user, @Nullable String password,
			Path basedir, UnaryOperator<@Nullable String> lookup) throws DatabaseSettingsException {
		if (url != null && !url.isBlank()) {
			return new DatabaseSettings(url, user, password, "-Ddbkit.url");
		}
		Path resources = basedir.resolve("src/main/resources");
		for (String name : new String[] { "application.yml", "application.yaml", "application.properties" }) {
			Path file = resources.resolve(name);
			if (!Files.isRegularFile(file)) {
				continue;
			}
			Map<String, String> values = read(file);
			String fileUrl = values.get("spring.datasource.url");
			if (fileUrl != null && !fileUrl.isBlank()) {
				return new DatabaseSettings(resolvePlaceholders(fileUrl, lookup, file),
						(user != null) ? user : resolveOrNull(values.get("spring.datasource.username"), lookup, file),
						(password != null) ? password
								: resolveOrNull(values.get("spring.datasource.password"), lookup, file),
						basedir.relativize(file).toString());
			}
		}
		throw new DatabaseSettingsException("No database to connect to: pass -Ddbkit.url=jdbc:postgresql://host:5432/db "
				+ "(with -Ddbkit.user and -Ddbkit.password), or set spring.datasource.url in "
				+ "src/main/resources/application.yml or application.properties.");
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

	private static Map<String, String> read(Path file) throws DatabaseSettingsException {
		Map<String, String> values = new LinkedHashMap<>();
		try {
			if (file.getFileName().toString().endsWith(".properties")) {
				Properties properties = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				properties.forEach((key, value) -> values.put(key.toString(), value.toString()));
			}
			else {
				Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
				try (InputStream in = Files.newInputStream(file)) {
					// The first document is the default profile's.
					for (Object document : yaml.loadAll(in)) {
						if (document instanceof Map<?, ?> map) {
							flatten("", map, values);
						}
						break;
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new DatabaseSettingsException(file + ": could not be read (" + ex.getMessage()
					+ "). Fix the file or pass -Ddbkit.url.");
		}
		return values;
	}

	private static void flatten(String prefix, Map<?, ?> map, Map<String, String> values) {
		map.forEach((key, value) -> {
			String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(name, nested, values);
			}
			else if (value != null) {
				values.put(name, String.valueOf(value));
			}
		});
	}

	private static @Nullable String resolveOrNull(@Nullable String value, UnaryOperator<@Nullable String> lookup,
			Path file) throws DatabaseSettingsException {
		return (value != null) ? resolvePlaceholders(value, lookup, file) : null;
	}

	static String resolvePlaceholders(String value, UnaryOperator<@Nullable String> lookup, Path file)
			throws DatabaseSettingsException {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String replacement = lookup.apply(name);
			if (replacement == null) {
				replacement = lookup.apply(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
			}
			if (replacement == null) {
				replacement = matcher.group(2);
			}
			if (replacement == null) {
				throw new DatabaseSettingsException(file + ": ${" + name + "} is not set. Set the environment variable "
						+ name + " or pass -Ddbkit.url.");
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

	/** The settings are missing or cannot be read: a problem the user fixes. */
	static class DatabaseSettingsException extends Exception {

		private static final long serialVersionUID = 1L;

		DatabaseSettingsException(String message) {
			super(message);
		}

	}

}
