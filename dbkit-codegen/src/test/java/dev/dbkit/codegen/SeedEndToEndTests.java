package dev.dbkit.codegen;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.migration.Migrator;
import dev.dbkit.query.QueryExecutor;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantMissingException;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Generates the seed's repository, compiles it with every lint warning as an error, and runs it against PostgreSQL
 * with two tenants.
 */
class SeedEndToEndTests {

	static final Path SEED = Path.of("src/test/resources/cases/seed");

	@TempDir
	static Path work;

	static Class<?> repositoryClass;

	static Class<?> recordClass;

	@BeforeAll
	static void generateAndCompile() throws Exception {
		CompiledCase seed = CompiledCase.compile("seed", work);
		repositoryClass = seed.type("FeatureFlagsRepository");
		recordClass = seed.type("FeatureFlag");
	}

	@Test
	void signaturesAreTheOnesTheSeedPromises() throws Exception {
		assertThat(signature("getFeatureFlag", String.class))
			.isEqualTo("java.util.Optional<com.example.db.FeatureFlag> getFeatureFlag(java.lang.String)");
		assertThat(signature("listFeatureFlags")).isEqualTo("java.util.List<com.example.db.FeatureFlag> listFeatureFlags()");
		assertThat(signature("upsertFeatureFlag", String.class, boolean.class, String.class)).isEqualTo(
				"java.util.Optional<com.example.db.FeatureFlag> upsertFeatureFlag(java.lang.String, boolean, java.lang.String)");
		assertThat(signature("deleteFeatureFlag", UUID.class)).isEqualTo("void deleteFeatureFlag(java.util.UUID)");
		Method upsert = repositoryClass.getMethod("upsertFeatureFlag", String.class, boolean.class, String.class);
		assertThat(upsert.getAnnotatedParameterTypes()[2].isAnnotationPresent(Nullable.class)).isTrue();
		assertThat(upsert.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class)).isFalse();
		assertThat(Stream.of(recordClass.getRecordComponents()).map((c) -> c.getName()))
			.containsExactly("id", "tenantId", "featureKey", "isEnabled", "metadata", "createdAt", "updatedAt");
		assertThat(recordClass.getRecordComponents()[3].getType()).isEqualTo(boolean.class);
		assertThat(recordClass.getRecordComponents()[4].getAnnotatedType().isAnnotationPresent(Nullable.class)).isTrue();
	}

	@Test
	void eachTenantSeesOnlyItsRowsAndAForeignIdDeletesNothing() throws Exception {
		Fixture fixture = new Fixture();
		Object repository = fixture.repository;
		Object acmeFlag = TenantContext.callAs(fixture.acme, () -> ((Optional<?>) call(repository, "upsertFeatureFlag",
				"dark_mode", true, "{\"plan\": \"pro\"}")).orElseThrow());
		TenantContext.runAs(fixture.globex, () -> call(repository, "upsertFeatureFlag", "dark_mode", false, null));
		TenantContext.runAs(fixture.globex, () -> call(repository, "upsertFeatureFlag", "beta", true, null));

		TenantContext.runAs(fixture.acme, () -> {
			List<?> flags = (List<?>) call(repository, "listFeatureFlags");
			assertThat(flags).hasSize(1).allSatisfy((flag) -> assertThat(component(flag, "tenantId")).isEqualTo(fixture.acme));
			Optional<?> dark = (Optional<?>) call(repository, "getFeatureFlag", "dark_mode");
			assertThat(component(dark.orElseThrow(), "isEnabled")).isEqualTo(true);
			assertThat(component(dark.orElseThrow(), "metadata")).isEqualTo("{\"plan\": \"pro\"}");
			assertThat((Optional<?>) call(repository, "getFeatureFlag", "beta")).isEmpty();
		});
		TenantContext.runAs(fixture.globex, () -> {
			assertThat((List<?>) call(repository, "listFeatureFlags")).extracting((f) -> component(f, "featureKey"))
				.containsExactly("beta", "dark_mode");
			call(repository, "deleteFeatureFlag", component(acmeFlag, "id"));
		});
		assertThat(fixture.count("SELECT count(*) FROM feature_flags WHERE tenant_id = '" + fixture.acme + "'"))
			.isEqualTo(1);
		TenantContext.runAs(fixture.acme, () -> call(repository, "deleteFeatureFlag", component(acmeFlag, "id")));
		assertThat(fixture.count("SELECT count(*) FROM feature_flags WHERE tenant_id = '" + fixture.acme + "'"))
			.isZero();
		assertThat(fixture.count("SELECT count(*) FROM feature_flags")).isEqualTo(2);
	}

	@Test
	void withoutATenantEveryMethodThrowsBeforeAnySqlIsSent() throws Exception {
		Fixture fixture = new Fixture();
		int connections = fixture.connections.get();
		int statements = fixture.statements.get();
		Map<String, Object[]> calls = new TreeMap<>();
		calls.put("getFeatureFlag", new Object[] { "dark_mode" });
		calls.put("listFeatureFlags", new Object[0]);
		calls.put("upsertFeatureFlag", new Object[] { "dark_mode", true, null });
		calls.put("deleteFeatureFlag", new Object[] { UUID.randomUUID() });
		for (Map.Entry<String, Object[]> call : calls.entrySet()) {
			assertThatExceptionOfType(TenantMissingException.class)
				.as(call.getKey())
				.isThrownBy(() -> call(fixture.repository, call.getKey(), call.getValue()));
		}
		assertThat(fixture.connections.get()).isEqualTo(connections);
		assertThat(fixture.statements.get()).isEqualTo(statements);
		// the counter does count: one call with a tenant sends one statement
		TenantContext.runAs(fixture.acme, () -> call(fixture.repository, "listFeatureFlags"));
		assertThat(fixture.statements.get()).isEqualTo(statements + 1);
	}

	@Test
	void regeneratingTheSameInputsIsByteIdentical() throws Exception {
		GoldenCasesTests.generate(SEED, work.resolve("again")).run();
		try (Stream<Path> files = Files.walk(work.resolve("seed-generated/sources"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path other = work.resolve("again/sources").resolve(work.resolve("seed-generated/sources").relativize(file));
				assertThat(Files.readAllBytes(other)).isEqualTo(Files.readAllBytes(file));
			}
		}
	}

	@Test
	void upToDateRunStartsNoDatabase() throws Exception {
		Path target = work.resolve("uptodate");
		Generation first = GoldenCasesTests.generate(SEED, target);
		assertThat(first.run().upToDate()).isFalse();
		// same inputs, and an analysis server that does not exist: an up-to-date run must not need it
		Generation second = new Generation(first.config(), first.baseDir(), first.migrationsDir(), first.queriesDir(),
				first.sourcesDir(), first.resourcesDir(), first.stateFile(), "jdbc:postgresql://localhost:1/nowhere",
				null, null);
		Generation.Result result = second.run();
		assertThat(result.upToDate()).isTrue();
		assertThat(result.queries()).isEqualTo(4);
	}

	private static String signature(String name, Class<?>... parameters) throws NoSuchMethodException {
		Method method = repositoryClass.getMethod(name, parameters);
		List<String> types = Stream.of(method.getGenericParameterTypes()).map((t) -> t.getTypeName()).toList();
		return method.getGenericReturnType().getTypeName() + " " + name + "(" + String.join(", ", types) + ")";
	}

	static Object call(Object target, String name, Object... arguments) {
		return CompiledCase.call(target, name, arguments);
	}

	static Object component(Object record, String name) {
		return CompiledCase.component(record, name);
	}

	/** A migrated database with two tenants, and a data source that counts connections and statements. */
	static final class Fixture {

		final TestDatabase db = TestPostgres.shared().createDatabase("SeedEndToEnd");

		final AtomicInteger connections = new AtomicInteger();

		final AtomicInteger statements = new AtomicInteger();

		final UUID acme;

		final UUID globex;

		final Object repository;

		Fixture() throws Exception {
			Migrator.create(this.db.dataSource(), "filesystem:" + SEED.resolve("db/migrations").toAbsolutePath()).up();
			JdbcTemplate jdbc = new JdbcTemplate(this.db.dataSource());
			this.acme = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('acme') RETURNING id", UUID.class);
			this.globex = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('globex') RETURNING id", UUID.class);
			this.repository = repositoryClass.getConstructor(QueryExecutor.class)
				.newInstance(new QueryExecutor(new JdbcTemplate(counting(this.db.dataSource()))));
		}

		long count(String sql) {
			return new JdbcTemplate(this.db.dataSource()).queryForObject(sql, Long.class);
		}

		/** Counts every connection taken and every statement prepared or created, at the JDBC driver's door. */
		private DataSource counting(DataSource target) {
			return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
					(proxy, method, args) -> {
						Object result = invoke(target, method, args);
						if (method.getName().equals("getConnection")) {
							this.connections.incrementAndGet();
							Connection connection = (Connection) result;
							return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
									(p, m, a) -> {
										if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
											this.statements.incrementAndGet();
										}
										return invoke(connection, m, a);
									});
						}
						return result;
					});
		}

		private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
