package dev.dbkit.codegen;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.tenant.CrossTenantCallException;
import dev.dbkit.tenant.RowLevelSecurity;
import dev.dbkit.tenant.TenantContext;

import static dev.dbkit.codegen.CompiledCase.call;
import static dev.dbkit.codegen.CompiledCase.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bulk commands of the {@code bulk} golden case, generated, compiled and run with two tenants: {@code :copyfrom}
 * writes the current tenant into every row, the batches run every item as that tenant and are all or nothing,
 * and both keep working under row-level security as the application's role (no owner, no superuser).
 */
@SuppressWarnings("unchecked")
class BulkWritesRunTests {

	@TempDir
	Path work;

	@Test
	void bulkCommandsWriteAndReadOnlyTheCurrentTenantsRows() throws Exception {
		CompiledCase bulk = CompiledCase.compile("bulk", this.work);
		GeneratedCodeRunsTests.Shop shop = new GeneratedCodeRunsTests.Shop();
		run(bulk, shop, shop.db.dataSource());
	}

	@Test
	void bulkCommandsWorkUnderRowLevelSecurity() throws Exception {
		CompiledCase bulk = CompiledCase.compile("bulk", this.work, Map.of("rowLevelSecurity", "true"));
		GeneratedCodeRunsTests.Shop shop = new GeneratedCodeRunsTests.Shop();
		for (String table : List.of("projects", "tasks")) {
			// forced for every role but the owner, whose view the test checks the writes with
			shop.db.execute(RowLevelSecurity.statements(table, "tenant_id") + "ALTER TABLE " + table
					+ " NO FORCE ROW LEVEL SECURITY;");
		}
		JdbcTemplate app = new JdbcTemplate(shop.db.applicationDataSource());
		assertThat(app.queryForObject("SELECT count(*) FROM projects", Long.class))
			.as("no rows without a tenant: the policies are on").isZero();
		run(bulk, shop, shop.db.applicationDataSource());
	}

	private static void run(CompiledCase bulk, GeneratedCodeRunsTests.Shop shop, DataSource dataSource)
			throws Exception {
		Object repository = bulk.repository("BulkRepository", dataSource);
		Object platform = bulk.repository("BulkCrossTenantRepository", dataSource);
		UUID other = new JdbcTemplate(shop.db.dataSource())
			.queryForObject("INSERT INTO tenants (name) VALUES ('globex') RETURNING id", UUID.class);

		// :copyfrom, 2,500 rows in one statement, with nulls; the tenant comes from TenantContext
		List<Object> rows = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			rows.add(bulk.record("AddTasksParams", (i % 2 == 0) ? shop.project : null, "task " + i, i % 5 == 0,
					(i % 7 == 0) ? null : i));
		}
		TenantContext.runAs(shop.tenant, () -> assertThat(call(repository, "addTasks", rows)).isEqualTo(2500L));
		TenantContext.runAs(other, () -> {
			assertThat(call(repository, "addTitles", List.of("globex's", "it's \"quoted\"", "; DROP TABLE tasks")))
				.isEqualTo(3L);
			// a project of another tenant is refused by the tenant-inclusive foreign key: nothing is inserted
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> call(repository, "addTasks",
					List.of(bulk.record("AddTasksParams", null, "fine", false, 1),
							bulk.record("AddTasksParams", shop.project, "planted", false, 1))));
		});
		JdbcTemplate owner = new JdbcTemplate(shop.db.dataSource());
		assertThat(owner.queryForObject("SELECT count(*) FROM tasks WHERE tenant_id = ?", Long.class, shop.tenant))
			.isEqualTo(2500L);
		assertThat(owner.queryForList("SELECT title FROM tasks WHERE tenant_id = ? ORDER BY title", String.class, other))
			.containsExactly("; DROP TABLE tasks", "globex's", "it's \"quoted\"");
		assertThat(owner.queryForObject("SELECT count(*) FROM tasks WHERE estimate IS NULL AND tenant_id = ?",
				Long.class, shop.tenant)).isEqualTo(358L);

		// every column type of a row, sent as arrays, read back through :batchone
		byte[] logo = "\u0000\u00ff logo".getBytes(StandardCharsets.ISO_8859_1);
		TenantContext.runAs(shop.tenant, () -> {
			Object full = bulk.record("AddProjectsParams", "apollo", bulk.constant("ProjectStatus", "ON_HOLD"),
					new BigDecimal("1234.50"), LocalDate.of(2026, 2, 28), 3, 0.25, 9_000_000_000L, true, logo,
					"{\"k\": [1, \"two\"]}", LocalDateTime.of(2026, 1, 1, 12, 30, 15));
			Object empty = bulk.record("AddProjectsParams", "hermes", bulk.constant("ProjectStatus", "ACTIVE"), null,
					null, 0, null, 0L, null, null, "{}", null);
			assertThat(call(repository, "addProjects", List.of(full, empty))).isEqualTo(2L);
			List<?> found = (List<?>) call(repository, "projectByName", List.of("apollo", "nope", "hermes", "zeus"));
			assertThat(found).hasSize(4);
			Object apollo = ((Optional<?>) found.get(0)).orElseThrow();
			assertThat(component(apollo, "status")).hasToString("ON_HOLD");
			assertThat(component(apollo, "budget")).isEqualTo(new BigDecimal("1234.50"));
			assertThat(component(apollo, "startsOn")).isEqualTo(LocalDate.of(2026, 2, 28));
			assertThat(component(apollo, "views")).isEqualTo(9_000_000_000L);
			assertThat((byte[]) component(apollo, "logo")).containsExactly(logo);
			assertThat(component(apollo, "settings")).isEqualTo("{\"k\": [1, \"two\"]}");
			assertThat(component(apollo, "reviewedAt")).isEqualTo(LocalDateTime.of(2026, 1, 1, 12, 30, 15));
			assertThat((Optional<?>) found.get(1)).isEmpty();
			assertThat(component(((Optional<?>) found.get(2)).orElseThrow(), "budget")).isNull();
			assertThat((Optional<?>) found.get(3)).isPresent();
		});
		TenantContext.runAs(other, () -> assertThat((List<Object>) call(repository, "projectByName",
				List.of("apollo", "zeus"))).as("another tenant's projects are not found by name")
			.containsExactly(Optional.empty(), Optional.empty()));

		// :batchexec across chunks: counts per item; another tenant's ids change nothing
		List<UUID> ids = owner.queryForList("SELECT id FROM tasks WHERE tenant_id = ? AND NOT done ORDER BY title",
				UUID.class, shop.tenant);
		List<UUID> mixed = new ArrayList<>(ids.subList(0, 300));
		UUID globexTask = owner.queryForObject("SELECT id FROM tasks WHERE tenant_id = ? LIMIT 1", UUID.class, other);
		mixed.add(globexTask);
		TenantContext.runAs(other, () -> assertThat((long[]) call(repository, "completeTasks", mixed))
			.as("from the other tenant: only its own task").containsOnly(0L, 1L)
			.satisfies((counts) -> assertThat(counts[300]).isEqualTo(1L)));
		owner.update("UPDATE tasks SET done = false WHERE id = ?", globexTask);
		long[] counts = TenantContext.callAs(shop.tenant, () -> (long[]) call(repository, "completeTasks", mixed));
		assertThat(counts).hasSize(301);
		assertThat(counts[0]).isEqualTo(1L);
		assertThat(counts[299]).isEqualTo(1L);
		assertThat(counts[300]).as("the other tenant's task").isZero();
		assertThat(owner.queryForObject("SELECT done FROM tasks WHERE id = ?", Boolean.class, globexTask)).isFalse();
		TenantContext.runAs(shop.tenant, () -> {
			Object renames = List.of(bulk.record("RenameTasksParams", "task 1", "first"),
					bulk.record("RenameTasksParams", "globex's", "stolen"));
			assertThat((long[]) call(repository, "renameTasks", renames)).containsExactly(1L, 0L);
		});

		// :batchmany: each item's rows
		TenantContext.runAs(shop.tenant, () -> {
			List<?> perProject = (List<?>) call(repository, "tasksOfProjects",
					List.of(shop.project, UUID.randomUUID(), shop.project));
			assertThat(perProject).hasSize(3);
			assertThat((List<?>) perProject.get(0)).hasSize(1250);
			assertThat((List<?>) perProject.get(1)).isEmpty();
			assertThat(perProject.get(2)).isEqualTo(perProject.get(0));
		});

		// a batch is all or nothing: the duplicate name of the last item undoes the others
		TenantContext.runAs(shop.tenant, () -> {
			List<String> names = new ArrayList<>(Collections.nCopies(1, "first-of-batch"));
			for (int i = 0; i < 100; i++) {
				names.add("batch " + i);
			}
			names.add("zeus");
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> call(repository, "createProjects", names));
			assertThat((List<Object>) call(repository, "projectByName", List.of("first-of-batch", "batch 99")))
				.containsOnly(Optional.empty());
			List<?> created = (List<?>) call(repository, "createProjects", names.subList(0, 101));
			assertThat(created).hasSize(101).allSatisfy((id) -> assertThat((Optional<?>) id).isPresent());
		});

		// the platform's copy is fenced from a tenant's code path
		assertThat(call(platform, "addCountries", List.of(bulk.record("AddCountriesParams", "DE", "Germany"),
				bulk.record("AddCountriesParams", "FR", "France")))).isEqualTo(2L);
		assertThatExceptionOfType(CrossTenantCallException.class).isThrownBy(() -> TenantContext.runAs(shop.tenant,
				() -> call(platform, "addCountries", List.of(bulk.record("AddCountriesParams", "IT", "Italy")))));
		assertThat(owner.queryForList("SELECT code FROM countries ORDER BY code", String.class))
			.containsExactly("DE", "FR");
	}

}
