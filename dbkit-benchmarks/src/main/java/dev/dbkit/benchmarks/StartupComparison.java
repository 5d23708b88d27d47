package dev.dbkit.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.dbkit.codegen.Generation;
import dev.dbkit.codegen.GeneratorConfig;
import dev.dbkit.embedded.EmbeddedPostgresServer;

/**
 * Start-up time of an application with 100 applied migrations and 200 generated queries (dbkit) against the same
 * application on plain Spring Boot + Flyway with hand-written JdbcClient repositories: both are written, generated
 * and compiled here, started in JVMs of their own on databases that already have the migrations, alternately, and
 * timed to {@code ApplicationReadyEvent} (JVM uptime). The plain application's class path holds no dbkit jar.
 * <p>
 * {@code java -cp "target/classes:$(cat target/classpath)" dev.dbkit.benchmarks.StartupComparison [runs]}
 */
public final class StartupComparison {

	static final int TABLES = 20;

	static final int MIGRATIONS = 100;

	private StartupComparison() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		Path work = Files.createTempDirectory("dbkit-startup");
		writeProject(work);
		// the applications get the libraries, not this module's own classes (its migrations and repository index)
		Path own = Path.of(StartupComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).toAbsolutePath().normalize().equals(own.toAbsolutePath().normalize()))
			.collect(Collectors.joining(File.pathSeparator));
		new Generation(new GeneratorConfig("bench.dbkit"), work.resolve("dbkit"),
				work.resolve("dbkit/db/migrations"), work.resolve("dbkit/db/queries"), work.resolve("dbkit/gen"),
				work.resolve("dbkit/gen-resources"), work.resolve("dbkit/state"), null, null, null)
			.run();
		Path dbkitClasses = compile(work.resolve("dbkit/app-classes"), classpath, work.resolve("dbkit/gen"),
				work.resolve("dbkit/src"));
		copyTree(work.resolve("dbkit/gen-resources"), dbkitClasses);
		copyTree(work.resolve("dbkit/resources"), dbkitClasses);
		String plainClasspath = Arrays.stream(classpath.split(File.pathSeparator))
			.filter((entry) -> !entry.contains("dbkit-") && !entry.contains("/dbkit/"))
			.collect(Collectors.joining(File.pathSeparator));
		Path plainClasses = compile(work.resolve("plain/app-classes"), plainClasspath, work.resolve("plain/src"));
		copyTree(work.resolve("plain/resources"), plainClasses);

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
			server.createDatabaseIfMissing("dbkit_app");
			server.createDatabaseIfMissing("plain_app");
			String[] dbkit = { dbkitClasses + File.pathSeparator + classpath, "bench.dbkit.DbkitApp",
					server.jdbcUrl("dbkit_app") };
			String[] plain = { plainClasses + File.pathSeparator + plainClasspath, "bench.plain.PlainApp",
					server.jdbcUrl("plain_app") };
			// first starts apply the 100 migrations; the measured starts find them applied
			start(dbkit);
			start(plain);
			List<Long> dbkitTimes = new ArrayList<>();
			List<Long> plainTimes = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			Random random = new Random(7);
			for (int run = 0; run < runs; run++) {
				long d;
				long p;
				if (random.nextBoolean()) {
					d = start(dbkit);
					p = start(plain);
				}
				else {
					p = start(plain);
					d = start(dbkit);
				}
				dbkitTimes.add(d);
				plainTimes.add(p);
				ratios.add((double) d / p);
			}
			System.out.printf("start-up to ApplicationReadyEvent, %d runs each, alternating, %d applied migrations, "
					+ "200 queries:%n", runs, MIGRATIONS);
			System.out.printf("  dbkit (generated repositories)       median %d ms %s%n", median(dbkitTimes), dbkitTimes);
			System.out.printf("  plain Boot + Flyway + JdbcClient     median %d ms %s%n", median(plainTimes), plainTimes);
			Collections.sort(ratios);
			System.out.printf("  ratio dbkit / plain per run: median %.3f (min %.3f, max %.3f)%n",
					ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** Starts an application in its own JVM and returns its uptime at ApplicationReadyEvent, in ms. */
	private static long start(String[] app) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", app[0], app[1], "--spring.datasource.url=" + app[2],
				"--spring.datasource.username=postgres", "--spring.main.banner-mode=off",
				"--logging.level.root=warn")
			.redirectErrorStream(true)
			.start();
		long ready = -1;
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.append(line).append('\n');
				if (line.startsWith("READY ")) {
					String[] parts = line.substring(6).strip().split(" ");
					ready = Long.parseLong(parts[0]);
					if (Integer.parseInt(parts[1]) != TABLES) {
						throw new IllegalStateException(app[1] + " has " + parts[1] + " repository beans, not " + TABLES);
					}
				}
			}
		}
		process.waitFor();
		if (ready < 0) {
			throw new IllegalStateException(app[1] + " did not start:\n" + output);
		}
		return ready;
	}

	private static Path compile(Path classes, String classpath, Path... sourceRoots) throws IOException {
		Files.createDirectories(classes);
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "--release", "17", "-classpath",
				classpath, "-d", classes.toString()));
		for (Path root : sourceRoots) {
			try (Stream<Path> files = Files.walk(root)) {
				files.filter((f) -> f.toString().endsWith(".java")).forEach((f) -> arguments.add(f.toString()));
			}
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler.run(null, null, null, arguments.toArray(new String[0])) != 0) {
			throw new IllegalStateException("compilation failed in " + classes);
		}
		return classes;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
	}

	/** Both applications: the same 100 migrations and 200 queries, dbkit's way and the plain way. */
	private static void writeProject(Path work) throws IOException {
		Path migrations = Files.createDirectories(work.resolve("dbkit/db/migrations"));
		Path plainMigrations = Files.createDirectories(work.resolve("plain/resources/db/migration"));
		Path dbkitMigrationResources = Files.createDirectories(work.resolve("dbkit/resources/db/migrations"));
		List<String> ups = new ArrayList<>();
		ups.add("CREATE TABLE tenants (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), name TEXT NOT NULL);");
		for (int t = 1; t <= TABLES; t++) {
			ups.add(("CREATE TABLE items%1$d (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), "
					+ "tenant_id UUID NOT NULL REFERENCES tenants(id), name TEXT NOT NULL, amount NUMERIC(12, 2), "
					+ "quantity INT4 NOT NULL DEFAULT 0, note TEXT, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
					+ "UNIQUE (tenant_id, name)); CREATE INDEX idx_items%1$d_tenant ON items%1$d(tenant_id);")
				.formatted(t));
		}
		for (int n = ups.size() + 1; n <= MIGRATIONS; n++) {
			int t = (n % TABLES) + 1;
			ups.add("CREATE INDEX idx_items%d_m%d ON items%d(quantity, name);".formatted(t, n, t));
		}
		for (int n = 1; n <= MIGRATIONS; n++) {
			String name = String.format("%06d_step%d", n, n);
			Files.writeString(migrations.resolve(name + ".up.sql"), ups.get(n - 1));
			Files.writeString(migrations.resolve(name + ".down.sql"), "SELECT 1;");
			Files.writeString(dbkitMigrationResources.resolve(name + ".up.sql"), ups.get(n - 1));
			Files.writeString(dbkitMigrationResources.resolve(name + ".down.sql"), "SELECT 1;");
			Files.writeString(plainMigrations.resolve("V" + n + "__step" + n + ".sql"), ups.get(n - 1));
		}
		Path queries = Files.createDirectories(work.resolve("dbkit/db/queries"));
		Path plainSources = Files.createDirectories(work.resolve("plain/src/bench/plain"));
		for (int t = 1; t <= TABLES; t++) {
			Files.writeString(queries.resolve("items" + t + ".sql"), """
					-- name: Get%1$s :one
					SELECT id, name, amount, quantity FROM items%2$d WHERE tenant_id = $1 AND id = $2;
					-- name: List%1$s :many
					SELECT id, name, amount, quantity FROM items%2$d WHERE tenant_id = $1 ORDER BY name;
					-- name: Create%1$s :one
					INSERT INTO items%2$d (tenant_id, name, quantity) VALUES ($1, $2, $3) RETURNING id, name, amount, quantity;
					-- name: Rename%1$s :execrows
					UPDATE items%2$d SET name = $3 WHERE tenant_id = $1 AND id = $2;
					-- name: Delete%1$s :exec
					DELETE FROM items%2$d WHERE tenant_id = $1 AND id = $2;
					-- name: Count%1$s :one
					SELECT count(*) FROM items%2$d WHERE tenant_id = $1;
					-- name: Search%1$s :many
					SELECT id, name, amount, quantity FROM items%2$d WHERE tenant_id = $1 AND name ILIKE $2 ORDER BY name LIMIT $3;
					-- name: Total%1$s :one
					SELECT coalesce(sum(amount), 0) AS total FROM items%2$d WHERE tenant_id = $1;
					-- name: ByIds%1$s :many
					SELECT id, name, amount, quantity FROM items%2$d WHERE tenant_id = $1 AND id = ANY($2::uuid[]);
					-- name: Bump%1$s :execrows
					UPDATE items%2$d SET quantity = quantity + $3 WHERE tenant_id = $1 AND id = $2;
					""".formatted("Item" + t, t));
			Files.writeString(plainSources.resolve("Items" + t + "Repository.java"), """
					package bench.plain;

					import java.math.BigDecimal;
					import java.sql.Array;
					import java.util.List;
					import java.util.Optional;
					import java.util.UUID;
					import org.springframework.jdbc.core.RowMapper;
					import org.springframework.jdbc.core.simple.JdbcClient;
					import org.springframework.stereotype.Repository;

					@Repository
					public class Items%1$dRepository {
					    public record Item(UUID id, String name, BigDecimal amount, int quantity) {}
					    private static final RowMapper<Item> MAPPER = (rs, n) -> new Item(rs.getObject(1, UUID.class),
					            rs.getString(2), rs.getBigDecimal(3), rs.getInt(4));
					    private final JdbcClient jdbc;
					    public Items%1$dRepository(JdbcClient jdbc) { this.jdbc = jdbc; }
					    public Optional<Item> get(UUID tenant, UUID id) {
					        return jdbc.sql("SELECT id, name, amount, quantity FROM items%1$d WHERE tenant_id = ? AND id = ?").params(tenant, id).query(MAPPER).optional(); }
					    public List<Item> list(UUID tenant) {
					        return jdbc.sql("SELECT id, name, amount, quantity FROM items%1$d WHERE tenant_id = ? ORDER BY name").param(tenant).query(MAPPER).list(); }
					    public Item create(UUID tenant, String name, int quantity) {
					        return jdbc.sql("INSERT INTO items%1$d (tenant_id, name, quantity) VALUES (?, ?, ?) RETURNING id, name, amount, quantity").params(tenant, name, quantity).query(MAPPER).single(); }
					    public int rename(UUID tenant, UUID id, String name) {
					        return jdbc.sql("UPDATE items%1$d SET name = ? WHERE tenant_id = ? AND id = ?").params(name, tenant, id).update(); }
					    public void delete(UUID tenant, UUID id) {
					        jdbc.sql("DELETE FROM items%1$d WHERE tenant_id = ? AND id = ?").params(tenant, id).update(); }
					    public long count(UUID tenant) {
					        return jdbc.sql("SELECT count(*) FROM items%1$d WHERE tenant_id = ?").param(tenant).query(Long.class).single(); }
					    public List<Item> search(UUID tenant, String pattern, long limit) {
					        return jdbc.sql("SELECT id, name, amount, quantity FROM items%1$d WHERE tenant_id = ? AND name ILIKE ? ORDER BY name LIMIT ?").params(tenant, pattern, limit).query(MAPPER).list(); }
					    public BigDecimal total(UUID tenant) {
					        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM items%1$d WHERE tenant_id = ?").param(tenant).query(BigDecimal.class).single(); }
					    public List<Item> byIds(UUID tenant, UUID[] ids) {
					        return jdbc.sql("SELECT id, name, amount, quantity FROM items%1$d WHERE tenant_id = ? AND id = ANY(?)").params(tenant, ids).query(MAPPER).list(); }
					    public int bump(UUID tenant, UUID id, int by) {
					        return jdbc.sql("UPDATE items%1$d SET quantity = quantity + ? WHERE tenant_id = ? AND id = ?").params(by, tenant, id).update(); }
					}
					""".formatted(t));
		}
		String ready = """
				    public static void main(String[] args) {
				        org.springframework.boot.SpringApplication application = new org.springframework.boot.SpringApplication(%s.class);
				        application.addListeners((org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent>) (event) ->
				            System.out.println("READY " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
				                + " " + java.util.Arrays.stream(event.getApplicationContext().getBeanDefinitionNames())
				                    .filter((name) -> name.toLowerCase().endsWith("repository")).count()));
				        application.run(args).close();
				    }
				""";
		Files.writeString(plainSources.resolve("PlainApp.java"), """
				package bench.plain;

				@org.springframework.boot.autoconfigure.SpringBootApplication
				public class PlainApp {
				%s}
				""".formatted(ready.formatted("PlainApp")));
		Path dbkitSources = Files.createDirectories(work.resolve("dbkit/src/bench/dbkit"));
		Files.writeString(dbkitSources.resolve("DbkitApp.java"), """
				package bench.dbkit;

				@org.springframework.boot.autoconfigure.SpringBootApplication
				public class DbkitApp {
				%s}
				""".formatted(ready.formatted("DbkitApp")));
	}

}
