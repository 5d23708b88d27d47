package dev.dbkit.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The numbered migrations found in one location, checked: every file is named {@code NNNNNN_description.up.sql} or
 * {@code .down.sql}, no version is used twice, and every up has its down and every down its up.
 * <p>
 * All problems of a location are reported together in one {@link MigrationException}.
 */
public final class MigrationCatalog {

	/** golang-migrate's naming: version digits, an underscore, a description, then the direction. */
	static final Pattern FILE_NAME = Pattern.compile("(\\d+)_([A-Za-z0-9][A-Za-z0-9_\\-]*)\\.(up|down)\\.sql");

	private final MigrationLocation location;

	private final List<Migration> migrations;

	private MigrationCatalog(MigrationLocation location, List<Migration> migrations) {
		this.location = location;
		this.migrations = List.copyOf(migrations);
	}

	/** Reads the migrations of a location ({@code classpath:db/migrations}, {@code filesystem:dir} or a path). */
	public static MigrationCatalog load(String location, @Nullable ClassLoader classLoader) {
		return load(MigrationLocation.parse(location), classLoader);
	}

	public static MigrationCatalog load(MigrationLocation location, @Nullable ClassLoader classLoader) {
		List<MigrationScript> scripts = location.classpath() ? readClasspath(location, classLoader)
				: readDirectory(Path.of(location.path()));
		return of(location, scripts);
	}

	/** Reads the migrations of a directory; a directory that does not exist holds none. */
	public static MigrationCatalog ofDirectory(Path directory) {
		return load(MigrationLocation.directory(directory), null);
	}

	/** Checks and pairs the given scripts. */
	public static MigrationCatalog of(MigrationLocation location, List<MigrationScript> scripts) {
		List<String> problems = new ArrayList<>();
		Map<Long, MigrationScript> ups = new TreeMap<>();
		Map<Long, MigrationScript> downs = new TreeMap<>();
		List<MigrationScript> sorted = new ArrayList<>(scripts);
		sorted.sort(Comparator.comparing(MigrationScript::fileName));
		for (MigrationScript script : sorted) {
			Matcher name = FILE_NAME.matcher(script.fileName());
			Long version = name.matches() ? parseVersion(name.group(1)) : null;
			if (version == null) {
				problems.add(script.path() + ": malformed migration file name. Name migrations "
						+ "NNNNNN_description.up.sql and NNNNNN_description.down.sql (for example "
						+ "000001_create_tenants.up.sql); `mvn dbkit:new -Dname=create_tenants` creates the next pair.");
				continue;
			}
			Map<Long, MigrationScript> side = "up".equals(name.group(3)) ? ups : downs;
			MigrationScript other = side.putIfAbsent(version, script);
			if (other != null) {
				problems.add(script.path() + ": duplicate version " + name.group(1) + ", also used by "
						+ other.fileName() + ". Each version number may be used once; renumber one of them.");
			}
		}
		List<Migration> migrations = new ArrayList<>();
		for (Map.Entry<Long, MigrationScript> entry : ups.entrySet()) {
			MigrationScript up = entry.getValue();
			MigrationScript down = downs.get(entry.getKey());
			String base = baseName(up);
			if (down == null || !baseName(down).equals(base)) {
				problems.add(up.path() + ": up migration without a down migration. Add " + base
						+ ".down.sql that reverses it (use an empty file only if nothing can be reversed).");
				continue;
			}
			Matcher name = FILE_NAME.matcher(up.fileName());
			name.matches();
			migrations.add(new Migration(entry.getKey(), name.group(1), name.group(2), up, down));
		}
		for (Map.Entry<Long, MigrationScript> entry : downs.entrySet()) {
			MigrationScript down = entry.getValue();
			MigrationScript up = ups.get(entry.getKey());
			if (up == null || !baseName(up).equals(baseName(down))) {
				problems.add(down.path() + ": down migration without an up migration. Rename it to match its "
						+ baseName(down) + ".up.sql, or delete it.");
			}
		}
		if (!problems.isEmpty()) {
			throw new MigrationException(problems);
		}
		return new MigrationCatalog(location, migrations);
	}

	/** The location these migrations came from. */
	public MigrationLocation location() {
		return this.location;
	}

	/** The migrations, lowest version first. */
	public List<Migration> migrations() {
		return this.migrations;
	}

	public Optional<Migration> find(long version) {
		return this.migrations.stream().filter((migration) -> migration.version() == version).findFirst();
	}

	/**
	 * A digest of every file's name and text: two catalogs with the same fingerprint build the same schema (a test
	 * database template is rebuilt when it changes).
	 */
	public String fingerprint() {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			for (Migration migration : this.migrations) {
				for (MigrationScript script : List.of(migration.up(), migration.down())) {
					digest.update((script.fileName() + "\u0000" + script.sql() + "\u0000")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				}
			}
			return java.util.HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** The highest version, or 0 when there are no migrations. */
	public long latestVersion() {
		return this.migrations.isEmpty() ? 0 : this.migrations.get(this.migrations.size() - 1).version();
	}

	static @Nullable Long parseVersion(String digits) {
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException tooLong) {
			return null;
		}
	}

	private static String baseName(MigrationScript script) {
		String name = script.fileName();
		return name.substring(0, name.lastIndexOf('.', name.length() - ".sql".length() - 1));
	}

	private static List<MigrationScript> readClasspath(MigrationLocation location, @Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		Map<String, MigrationScript> scripts = new LinkedHashMap<>();
		try {
			for (Resource resource : resolver.getResources("classpath*:" + location.path() + "/*.sql")) {
				String fileName = resource.getFilename();
				if (fileName == null || !resource.isReadable()) {
					continue;
				}
				try (InputStream in = resource.getInputStream()) {
					String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					// The same folder may be on the class path twice (IDE and build output): keep the first.
					scripts.putIfAbsent(fileName, new MigrationScript(fileName, location.path() + "/" + fileName, sql));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read migrations from classpath:" + location.path(), ex);
		}
		return new ArrayList<>(scripts.values());
	}

	private static List<MigrationScript> readDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			List<MigrationScript> scripts = new ArrayList<>();
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".sql")).toList()) {
				scripts.add(new MigrationScript(file.getFileName().toString(), file.toString(),
						Files.readString(file, StandardCharsets.UTF_8)));
			}
			return scripts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read migrations from " + directory, ex);
		}
	}

}
