package dev.dbkit.sample;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.repository.RepositoryDefinition;
import dev.dbkit.repository.RepositoryIndex;
import dev.dbkit.sample.db.FeatureFlag;
import dev.dbkit.sample.db.FeatureFlagsRepository;
import dev.dbkit.sample.db.TenantsCrossTenantRepository;
import dev.dbkit.sample.db.TenantsRepository;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantMissingException;
import dev.dbkit.test.DbkitTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant guarantee, tested the way it can fail: a seeded random sequence of calls over every generated method
 * of the sample app, from three tenants, checked after each call against an in-memory model; and every generated
 * tenant-scoped method called without a tenant. Set {@code -Ddbkit.fuzz.seed=N} to replay a failure, and
 * {@code -Ddbkit.fuzz.calls=N} to run longer.
 */
@DbkitTestDatabase
@SpringBootTest
@Import(StatementCounter.class)
class TenantIsolationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] KEYS = { "dark_mode", "beta", "new_billing", "search_v2", "export", "sso",
			"'; DELETE FROM feature_flags; --", "ünïcödé" };

	@Autowired
	FeatureFlagsRepository flags;

	@Autowired
	TenantsRepository tenants;

	@Autowired
	TenantsCrossTenantRepository platform;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	/** The model: what each tenant's flags must be. */
	private record ModelFlag(UUID id, boolean enabled, @Nullable String metadata) {
	}

	@Test
	void randomCallsFromThreeTenantsNeverTouchAnotherTenantsRows() {
		long seed = Long.getLong("dbkit.fuzz.seed", System.nanoTime());
		int calls = Integer.getInteger("dbkit.fuzz.calls", 3000);
		Random random = new Random(seed);
		List<UUID> tenantIds = new ArrayList<>();
		Map<UUID, Map<String, ModelFlag>> model = new HashMap<>();
		for (String name : new String[] { "acme", "globex", "initech" }) {
			UUID id = this.platform.createTenant(name + "-" + seed).orElseThrow().id();
			tenantIds.add(id);
			model.put(id, new TreeMap<>());
		}
		int foreignDeletes = 0;
		for (int call = 0; call < calls; call++) {
			UUID tenant = tenantIds.get(random.nextInt(tenantIds.size()));
			Map<String, ModelFlag> mine = model.get(tenant);
			String key = KEYS[random.nextInt(KEYS.length)];
			String step = "seed " + seed + ", call " + call + " by " + tenant;
			int operation = random.nextInt(11);
			if (operation < 4) {
				boolean enabled = random.nextBoolean();
				String metadata = random.nextBoolean() ? null
						: random.nextBoolean() ? "{\"n\": " + random.nextInt(1000) + "}"
								: "{\"sql\": \"'; DROP TABLE tenants; --\"}";
				FeatureFlag flag = TenantContext.callAs(tenant,
						() -> this.flags.upsertFeatureFlag(key, enabled,
								(metadata != null) ? JSON.readTree(metadata) : null).orElseThrow());
				ModelFlag before = mine.get(key);
				assertThat(flag.tenantId()).as(step).isEqualTo(tenant);
				if (before != null) {
					assertThat(flag.id()).as(step + ": upsert keeps the row's id").isEqualTo(before.id());
				}
				mine.put(key, new ModelFlag(flag.id(), enabled, metadata));
			}
			else if (operation < 6) {
				Optional<FeatureFlag> found = TenantContext.callAs(tenant, () -> this.flags.getFeatureFlag(key));
				ModelFlag expected = mine.get(key);
				assertThat(found.isPresent()).as(step + ": get " + key).isEqualTo(expected != null);
				found.ifPresent((flag) -> assertSame(flag, tenant, expected, step));
			}
			else if (operation < 8) {
				List<FeatureFlag> listed = TenantContext.callAs(tenant, () -> this.flags.listFeatureFlags());
				assertThat(listed).as(step + ": list").extracting(FeatureFlag::featureKey)
					.containsExactlyElementsOf(sortedByDatabase(mine.keySet()));
				listed.forEach((flag) -> assertSame(flag, tenant, mine.get(flag.featureKey()), step));
			}
			else if (operation == 10) {
				// tenants is the platform's global table: any tenant may be looked up, and it is the right one
				UUID other = tenantIds.get(random.nextInt(tenantIds.size()));
				assertThat(TenantContext.callAs(tenant, () -> this.tenants.getTenant(other)).orElseThrow().id())
					.as(step).isEqualTo(other);
			}
			else {
				// delete by an id that may be anyone's: another tenant's id must delete nothing
				UUID owner = tenantIds.get(random.nextInt(tenantIds.size()));
				List<ModelFlag> candidates = new ArrayList<>(model.get(owner).values());
				UUID id = candidates.isEmpty() ? UUID.randomUUID()
						: candidates.get(random.nextInt(candidates.size())).id();
				TenantContext.runAs(tenant, () -> this.flags.deleteFeatureFlag(id));
				if (owner.equals(tenant)) {
					mine.values().removeIf((flag) -> flag.id().equals(id));
				}
				else {
					foreignDeletes++;
				}
			}
			if (call % 100 == 99) {
				for (UUID each : tenantIds) {
					// as a platform query: the application's role sees no tenant's rows without a tenant setting
					Integer rows = this.transactions.execute((status) -> {
						this.jdbc.queryForObject("SELECT set_config('role', 'dbkit_platform', true)", String.class);
						return this.jdbc.queryForObject("SELECT count(*) FROM feature_flags WHERE tenant_id = ?",
								Integer.class, each);
					});
					assertThat(rows).as(step + ": rows of " + each + " in the database").isEqualTo(model.get(each).size());
				}
			}
		}
		assertThat(foreignDeletes).as("the sequence tried deleting other tenants' rows").isPositive();
		System.out.printf("tenant isolation: %d calls from 3 tenants (seed %d), %d deletes of another tenant's id, "
				+ "0 leaks%n", calls, seed, foreignDeletes);
	}

	@Test
	void everyTenantScopedMethodWithoutATenantThrowsAndSendsNoStatement() throws Exception {
		int methods = 0;
		for (RepositoryIndex index : ServiceLoader.load(RepositoryIndex.class)) {
			for (RepositoryDefinition<?> definition : index.repositories()) {
				Object repository = this.context.getBean(definition.type());
				Map<String, GeneratedQuery> queries = queries(definition.type());
				for (Method method : definition.type().getDeclaredMethods()) {
					if (!Modifier.isPublic(method.getModifiers())) {
						continue;
					}
					GeneratedQuery query = queries.get(method.getName().toLowerCase());
					assertThat(query).as("statement of %s", method).isNotNull();
					int before = StatementCounter.statements.get();
					Throwable thrown = invoke(repository, method);
					if (query.tenantScoped()) {
						assertThat(thrown).as(method.toString()).isInstanceOf(TenantMissingException.class);
						assertThat(StatementCounter.statements.get()).as("statements sent by %s", method)
							.isEqualTo(before);
						methods++;
					}
					else if (thrown != null) {
						assertThat(thrown).as(method + " needs no tenant").isNotInstanceOf(TenantMissingException.class);
					}
				}
			}
		}
		assertThat(methods).as("tenant-scoped methods checked").isEqualTo(4);
	}

	private static void assertSame(FeatureFlag flag, UUID tenant, ModelFlag expected, String step) {
		assertThat(flag.tenantId()).as(step).isEqualTo(tenant);
		assertThat(expected).as(step + ": a row the model does not have: " + flag).isNotNull();
		assertThat(flag.id()).as(step).isEqualTo(expected.id());
		assertThat(flag.isEnabled()).as(step).isEqualTo(expected.enabled());
		assertThat(flag.metadata() == null ? null : flag.metadata().toString().replace(" ", ""))
			.as(step).isEqualTo(expected.metadata() == null ? null : expected.metadata().replace(" ", ""));
	}

	/** The keys in the order PostgreSQL sorts them with the database's collation. */
	private List<String> sortedByDatabase(java.util.Set<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.queryForList("SELECT k FROM unnest(?::text[]) AS k ORDER BY k::varchar(100)", String.class,
				(Object) keys.toArray(new String[0]));
	}

	/** The statements of a generated repository, by method name (lower case). */
	private static Map<String, GeneratedQuery> queries(Class<?> repository) throws IllegalAccessException {
		Map<String, GeneratedQuery> queries = new HashMap<>();
		for (Field field : repository.getDeclaredFields()) {
			if (field.getType() == GeneratedQuery.class) {
				field.setAccessible(true);
				GeneratedQuery query = (GeneratedQuery) field.get(null);
				queries.put(query.name().toLowerCase(), query);
			}
		}
		return queries;
	}

	private static @Nullable Throwable invoke(Object target, Method method) {
		Object[] arguments = new Object[method.getParameterCount()];
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = (types[i] == boolean.class) ? Boolean.TRUE
					: (types[i] == UUID.class) ? UUID.randomUUID() : (types[i] == String.class) ? "x" : null;
		}
		try {
			method.invoke(target, arguments);
			return null;
		}
		catch (InvocationTargetException ex) {
			return ex.getCause();
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
