package dev.dbkit.codegen;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

import dev.dbkit.migration.Migrator;
import dev.dbkit.tenant.CrossTenantCallException;
import dev.dbkit.tenant.RowLevelSecurity;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static dev.dbkit.codegen.CompiledCase.call;
import static dev.dbkit.codegen.CompiledCase.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The code generated for the golden cases compiles without warnings and does what the SQL says when run against
 * PostgreSQL: every Java type is read and bound correctly.
 */
class GeneratedCodeRunsTests {

	@TempDir
	Path work;

	@Test
	void typesRoundTrip() throws Exception {
		CompiledCase types = CompiledCase.compile("types", this.work);
		Shop shop = new Shop();
		Object projects = types.repository("ProjectsRepository", shop.db.dataSource());
		TenantContext.runAs(shop.tenant, () -> {
			try {
				Object project = ((Optional<?>) call(projects, "getProject", shop.project)).orElseThrow();
				assertThat(component(project, "status")).isEqualTo(types.constant("ProjectStatus", "ACTIVE"));
				assertThat(component(project, "tags")).isEqualTo(List.of());
				assertThat(component(project, "settings")).isEqualTo("{}");
				assertThat(component(project, "budget")).isNull();
				assertThat(component(project, "startsOn")).isEqualTo("2025-01-31");
				assertThat(component(project, "dueOn")).isEqualTo(java.time.LocalDate.of(2025, 3, 1));

				call(projects, "setProjectDetails", types.record("SetProjectDetailsParams", shop.project,
						new BigDecimal("12.50"), List.of("red", "it's \"quoted\""), new BigDecimal("0.5"), true,
						new byte[] { 1, 2, 3 }, "{\"x\": 1}"));
				project = ((Optional<?>) call(projects, "getProject", shop.project)).orElseThrow();
				assertThat(component(project, "budget")).isEqualTo(new BigDecimal("12.50"));
				assertThat(component(project, "tags")).isEqualTo(List.of("red", "it's \"quoted\""));
				assertThat(component(project, "score")).isEqualTo(new BigDecimal("0.5"));
				assertThat(component(project, "archived")).isEqualTo(true);
				assertThat((byte[]) component(project, "logo")).containsExactly(1, 2, 3);
				assertThat(component(project, "settings")).isEqualTo("{\"x\": 1}");

				assertThat((List<?>) call(projects, "projectsByIds", List.of(shop.project, UUID.randomUUID())))
					.hasSize(1);
				List<?> active = (List<?>) call(projects, "projectsWithStatus", types.constant("ProjectStatus", "ACTIVE"));
				assertThat(active).hasSize(1);
				assertThat(component(active.get(0), "tags")).isEqualTo(List.of("red", "it's \"quoted\""));
				List<?> statuses = (List<?>) call(projects, "projectStatuses",
						List.of(types.constant("ProjectStatus", "ACTIVE"), types.constant("ProjectStatus", "ON_HOLD")));
				assertThat(statuses).isEqualTo(List.of(types.constant("ProjectStatus", "ACTIVE")));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	static final String[] LOOKS_LIKE_SQL = { "'; DROP TABLE projects; --", "\" OR 1=1 --", "$1", "?", "??", "$$x$$",
			"\\'", "/* */ ;", "Robert'); DELETE FROM tenants;--", "ünï\u0000code".replace("\u0000", "") };

	@Test
	void valuesThatLookLikeSqlAreStoredAndReadBackVerbatim() throws Exception {
		CompiledCase types = CompiledCase.compile("types", this.work);
		CompiledCase shapes = CompiledCase.compile("shapes", this.work);
		Shop shop = new Shop();
		Object projects = types.repository("ProjectsRepository", shop.db.dataSource());
		Object shapesRepository = shapes.repository("ShapesRepository", shop.db.dataSource());
		TenantContext.runAs(shop.tenant, () -> {
			try {
				for (String value : LOOKS_LIKE_SQL) {
					// text
					Object row = ((Optional<?>) call(shapesRepository, "upsertProject", value, 1)).orElseThrow();
					UUID id = (UUID) component(row, "id");
					// text[], jsonb, bytea, numeric
					String json = "{\"note\": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
					call(projects, "setProjectDetails", types.record("SetProjectDetailsParams", id,
							new BigDecimal("1.10"), List.of(value, value + value), null, null,
							value.getBytes(java.nio.charset.StandardCharsets.UTF_8), json));
					Object project = ((Optional<?>) call(projects, "getProject", id)).orElseThrow();
					assertThat(component(project, "name")).isEqualTo(value);
					assertThat(component(project, "tags")).isEqualTo(List.of(value, value + value));
					assertThat(new String((byte[]) component(project, "logo"), java.nio.charset.StandardCharsets.UTF_8))
						.isEqualTo(value);
					assertThat(JsonMapper.builder().build().readTree((String) component(project, "settings"))
						.get("note").asString()).isEqualTo(value);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		List<String> tables = new JdbcTemplate(shop.db.dataSource())
			.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
		assertThat(tables).containsExactlyInAnyOrder("tenants", "countries", "projects", "tasks", "feature_masks",
				"flyway_schema_history");
	}

	@Test
	void commandsRun() throws Exception {
		CompiledCase commands = CompiledCase.compile("commands", this.work);
		Shop shop = new Shop();
		Object projects = commands.repository("ProjectsRepository", shop.db.dataSource());
		JdbcTemplate jdbc = new JdbcTemplate(shop.db.dataSource());
		jdbc.update("INSERT INTO tasks (tenant_id, title, done) VALUES (?, 'a', true), (?, 'b', true), (?, 'c', false)",
				shop.tenant, shop.tenant, shop.tenant);
		TenantContext.runAs(shop.tenant, () -> {
			assertThat((List<?>) call(projects, "listProjects")).hasSize(1);
			call(projects, "archiveProject", shop.project);
			Object project = ((Optional<?>) call(projects, "getProject", shop.project)).orElseThrow();
			assertThat(component(project, "status")).hasToString("ARCHIVED");
			assertThat(call(projects, "deleteDoneTasks")).isEqualTo(2L);
			assertThat(call(projects, "deleteDoneTasks")).isEqualTo(0L);
			assertThat((Optional<?>) call(projects, "getProject", UUID.randomUUID())).isEmpty();
			// :execlastid returns the new row's id itself; :execresult the rows affected
			Object created = call(projects, "createProject", "second");
			assertThat(created).isInstanceOf(UUID.class);
			assertThat(((Optional<?>) call(projects, "getProject", created))).isPresent();
			assertThat(call(projects, "renameProjects", "renamed", "second")).isEqualTo(1L);
			assertThat(call(projects, "renameProjects", "renamed", "second")).isEqualTo(0L);
			// sqlc.slice: a list parameter, one array whatever its length
			List<UUID> open = jdbc.queryForList("SELECT id FROM tasks WHERE NOT done", UUID.class);
			assertThat(call(projects, "tasksByIds", open)).isEqualTo(open);
			assertThat((List<?>) call(projects, "tasksByIds", List.of())).isEmpty();
			assertThat((List<?>) call(projects, "tasksByIds", List.of(UUID.randomUUID()))).isEmpty();
			assertThat(call(projects, "tasksNotIn", List.of())).isEqualTo(open);
			assertThat((List<?>) call(projects, "tasksNotIn", open)).isEmpty();
			// a void row under :exec: run, discarded
			call(projects, "lockProjectWork", "project-a");
			// a rolling deploy's newer migration moves a column to the end (rebuilt under the same name): the
			// generated SELECT * names its columns, so this older code still reads each by its own name
			Object before = ((Optional<?>) call(projects, "getProject", shop.project)).orElseThrow();
			jdbc.execute("ALTER TABLE projects ADD COLUMN name_new TEXT; UPDATE projects SET name_new = name; "
					+ "ALTER TABLE projects DROP COLUMN name; ALTER TABLE projects RENAME COLUMN name_new TO name");
			Object after = ((Optional<?>) call(projects, "getProject", shop.project)).orElseThrow();
			assertThat(component(after, "name")).isEqualTo(component(before, "name"));
			assertThat(component(after, "status")).isEqualTo(component(before, "status"));
			// bit strings and ranges in their text form, both ways
			jdbc.update("INSERT INTO feature_masks (id, flags, active) VALUES (1, B'10100000', "
					+ "'[2026-01-01 00:00:00+00,2027-01-01 00:00:00+00)'), (2, B'10100000', NULL)");
			List<?> masks = (List<?>) call(projects, "masksActiveAt", "10100000",
					java.time.OffsetDateTime.parse("2026-06-01T00:00:00Z"));
			assertThat(masks).singleElement().satisfies((mask) -> {
				assertThat(component(mask, "flags")).isEqualTo("10100000");
				// the range as PostgreSQL writes it (in the session's time zone)
				assertThat((String) component(mask, "active")).startsWith("[\"20").endsWith("\")").contains("\",\"");
			});
		});
	}

	@Test
	void embedsReadNestedRecordsNullFromTheMissingSideOfAnOuterJoin() throws Exception {
		CompiledCase embeds = CompiledCase.compile("embeds", this.work);
		Shop shop = new Shop();
		Object repository = embeds.repository("EmbedsRepository", shop.db.dataSource());
		JdbcTemplate jdbc = new JdbcTemplate(shop.db.dataSource());
		UUID withProject = jdbc.queryForObject("INSERT INTO tasks (tenant_id, project_id, title) VALUES (?, ?, 'a') "
				+ "RETURNING id", UUID.class, shop.tenant, shop.project);
		jdbc.update("INSERT INTO tasks (tenant_id, title, done) VALUES (?, 'b', true)", shop.tenant);
		UUID other = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('globex') RETURNING id", UUID.class);
		TenantContext.runAs(shop.tenant, () -> {
			Object row = ((Optional<?>) call(repository, "taskWithProject", withProject)).orElseThrow();
			assertThat(component(component(row, "task"), "title")).isEqualTo("a");
			assertThat(component(component(row, "project"), "name")).isEqualTo("zeus");
			assertThat(component(component(row, "project"), "startsOn")).isEqualTo(java.time.LocalDate.of(2025, 1, 31));
			List<?> rows = (List<?>) call(repository, "tasksWithOptionalProject");
			assertThat(rows).hasSize(2);
			assertThat(component(component(rows.get(0), "project"), "id")).isEqualTo(shop.project);
			assertThat(component(rows.get(0), "done")).isEqualTo(false);
			assertThat(component(rows.get(1), "title")).isEqualTo("b");
			assertThat(component(rows.get(1), "project")).as("no project: the embedded record is null").isNull();
			assertThat(component(rows.get(1), "done")).isEqualTo(true);
			assertThat((List<?>) call(repository, "embeddedAlone")).hasSize(1);
		});
		TenantContext.runAs(other, () -> {
			assertThat((Optional<?>) call(repository, "taskWithProject", withProject)).isEmpty();
			assertThat((List<?>) call(repository, "tasksWithOptionalProject")).isEmpty();
		});
	}

	@Test
	void typeOverridesNameJacksonTypesAndConverters() throws Exception {
		CompiledCase converters = CompiledCase.compile("converters", this.work);
		Shop shop = new Shop();
		Object repository = converters.repository("ConvertersRepository", shop.db.dataSource());
		JdbcTemplate jdbc = new JdbcTemplate(shop.db.dataSource());
		UUID other = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('globex') RETURNING id", UUID.class);
		JsonMapper json = JsonMapper.builder().build();
		TenantContext.runAs(shop.tenant, () -> {
			Object row = ((Optional<?>) call(repository, "getProjectSettings", shop.project)).orElseThrow();
			assertThat(component(row, "settings")).isEqualTo(json.readTree("{}"));
			call(repository, "setProjectSettings", shop.project, json.readTree("{\"theme\": \"dark\", \"rollout\": 5}"));
			assertThat(jdbc.queryForObject("SELECT settings->>'theme' FROM projects WHERE id = ?", String.class,
					shop.project)).isEqualTo("dark");
			assertThat(call(repository, "getTypedSettings", shop.project))
				.isEqualTo(Optional.of(new ProjectSettings("dark", 5)));
			call(repository, "setTypedSettings", shop.project, new ProjectSettings("it's \"light\"", null));
			assertThat(call(repository, "getTypedSettings", shop.project))
				.isEqualTo(Optional.of(new ProjectSettings("it's \"light\"", null)));
		});
		TenantContext.runAs(other, () -> {
			call(repository, "setTypedSettings", shop.project, new ProjectSettings("planted", 1));
			assertThat(call(repository, "getTypedSettings", shop.project)).isEqualTo(Optional.empty());
		});
		assertThat(jdbc.queryForObject("SELECT settings->>'theme' FROM projects WHERE id = ?", String.class,
				shop.project)).as("another tenant's write changed nothing").isEqualTo("it's \"light\"");
		jdbc.update("INSERT INTO feature_masks (id, flags) VALUES (1, B'10100000'), (2, B'01000000')");
		java.util.BitSet bits = new java.util.BitSet();
		bits.set(0);
		bits.set(2);
		List<?> masks = (List<?>) call(repository, "masksWithFlags", bits);
		assertThat(masks).singleElement().satisfies((mask) -> {
			assertThat(component(mask, "id")).isEqualTo(1);
			assertThat(component(mask, "flags")).isEqualTo(bits);
		});
	}

	@Test
	void aStarThatMeansOtherColumnsByNameIsSentAsProved() throws Exception {
		CompiledCase attacks = CompiledCase.compile("star-attacks", this.work);
		Shop shop = new Shop();
		Object repository = attacks.repository("AttacksRepository", shop.db.dataSource());
		JdbcTemplate jdbc = new JdbcTemplate(shop.db.dataSource());
		UUID victim = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('globex') RETURNING id", UUID.class);
		TenantContext.runAs(shop.tenant, () -> {
			// the attacker passes the victim's id where the written-out text would have put it into tenant_id
			Object swapped = ((Optional<?>) call(repository, "archiveSwap", victim, "planted")).orElseThrow();
			assertThat(component(swapped, "tenantId")).isEqualTo(shop.tenant);
			Object embedded = ((Optional<?>) call(repository, "embedSwap", UUID.randomUUID(), "embedded")).orElseThrow();
			assertThat(component(component(embedded, "task"), "tenantId")).isEqualTo(shop.tenant);
			for (Object row : (List<?>) call(repository, "renamingSubquery")) {
				assertThat(component(component(row, "task"), "tenantId")).as("read by position, as proved")
					.isEqualTo(shop.tenant);
			}
		});
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tasks WHERE tenant_id = ?", Long.class, victim)).isZero();
		jdbc.update("INSERT INTO tasks (tenant_id, project_id, title) VALUES (?, ?, 'with project')", shop.tenant,
				shop.project);
		TenantContext.runAs(shop.tenant, () -> assertThat((List<?>) call(repository, "tasksWithProjectNames"))
			.singleElement()
			.satisfies((row) -> {
				assertThat(component(row, "title")).isEqualTo("with project");
				assertThat(component(row, "projectName")).isEqualTo("zeus");
			}));
		TenantContext.runAs(shop.tenant, () -> assertThat((List<?>) call(repository, "tasksAndProjects"))
			.singleElement()
			.satisfies((row) -> {
				assertThat(component(row, "title")).isEqualTo("with project");
				assertThat(component(row, "name")).isEqualTo("zeus");
			}));
	}

	@Test
	void aStreamedQueryReadsItsRowsThroughACursorForTheCurrentTenantOnly() throws Exception {
		CompiledCase commands = CompiledCase.compile("commands", this.work);
		Shop shop = new Shop();
		JdbcTemplate jdbc = new JdbcTemplate(shop.db.dataSource());
		UUID other = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('globex') RETURNING id", UUID.class);
		jdbc.update("INSERT INTO tasks (tenant_id, title) SELECT ?, 'task ' || lpad(g::text, 5, '0') "
				+ "FROM generate_series(1, 3000) g", shop.tenant);
		jdbc.update("INSERT INTO tasks (tenant_id, title) VALUES (?, 'task 99999')", other);
		Object projects = commands.repository("ProjectsRepository", shop.db.dataSource());
		TenantContext.runAs(shop.tenant, () -> {
			try (java.util.stream.Stream<?> titles = (java.util.stream.Stream<?>) call(projects, "streamAllTaskTitles",
					"task 00010")) {
				List<Object> read = titles.map(Object.class::cast).toList();
				assertThat(read).hasSize(2990).first().isEqualTo("task 00011");
				assertThat(read).doesNotContain("task 99999");
			}
		});
		TenantContext.runAs(other, () -> {
			try (java.util.stream.Stream<?> titles = (java.util.stream.Stream<?>) call(projects, "streamAllTaskTitles",
					"")) {
				assertThat(titles.map(Object.class::cast).toList()).containsExactly("task 99999");
			}
		});
	}

	/**
	 * Attack round 7: a migration's own {@code = (text, varchar)} would be chosen at run time for a {@code varchar}
	 * parameter over the {@code text = text} the build proved; strings are sent untyped, as analysed, so the proved
	 * operator runs. And its own {@code set_config(text, varchar, boolean)} is not the one the settings call.
	 */
	@Test
	void anOperatorAMigrationDefinesOnBuiltInTypesIsNotWhatRuns() throws Exception {
		CompiledCase shadows = CompiledCase.compile("operator-shadows", this.work);
		TestDatabase db = TestPostgres.shared().createDatabase("OperatorShadows");
		Migrator.create(db.dataSource(), "filesystem:"
				+ GoldenCasesTests.CASES.resolve("operator-shadows/db/migrations").toAbsolutePath()).up();
		JdbcTemplate owner = new JdbcTemplate(db.dataSource());
		owner.update("INSERT INTO tenants VALUES ('acme', 'Acme'), ('globex', 'Globex')");
		owner.update("INSERT INTO notes VALUES ('acme', 1, 'mine'), ('globex', 2, 'secret'), ('globex', 3, 'mine')");
		Object notes = shadows.repository("NotesRepository", db.dataSource());
		TenantContext.runAs("acme", () -> {
			assertThat((List<?>) call(notes, "listNotes")).singleElement()
				.satisfies((row) -> assertThat(component(row, "body")).isEqualTo("mine"));
			assertThat((List<?>) call(notes, "findNotes", "mine")).hasSize(1);
			assertThat(call(notes, "deleteNote", 2L)).isEqualTo(0L);
		});
		assertThat(owner.queryForObject("SELECT count(*) FROM notes WHERE tenant_id = 'globex'", Long.class))
			.isEqualTo(2L);
		// the settings statement names pg_catalog's set_config: the tenant it sets is the caller's
		try (java.sql.Connection connection = db.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			try (java.sql.PreparedStatement set = connection.prepareStatement(
					dev.dbkit.query.GeneratedQuery.TENANT_SETTINGS.strip())) {
				set.setString(1, "acme");
				set.execute();
			}
			try (java.sql.Statement read = connection.createStatement();
					java.sql.ResultSet rs = read.executeQuery("SELECT current_setting('dbkit.tenant_id')")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("acme");
			}
			connection.rollback();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void tenantIdsOfTypeLongAreBoundFromTenantContextUnderRowLevelSecurity() throws Exception {
		CompiledCase ids = CompiledCase.compile("tenant-ids", this.work);
		TestDatabase db = TestPostgres.shared().createDatabase("LongTenants");
		Migrator.create(db.dataSource(), "filesystem:"
				+ GoldenCasesTests.CASES.resolve("tenant-ids/db/migrations").toAbsolutePath()).up();
		// forced for every role but the owner, whose view checks the writes
		db.execute(RowLevelSecurity.statements("notes", "tenant_id", "bigint")
				+ "ALTER TABLE notes NO FORCE ROW LEVEL SECURITY;");
		JdbcTemplate owner = new JdbcTemplate(db.dataSource());
		long acme = owner.queryForObject("INSERT INTO tenants (name) VALUES ('acme') RETURNING id", Long.class);
		long globex = owner.queryForObject("INSERT INTO tenants (name) VALUES ('globex') RETURNING id", Long.class);
		Object notes = ids.repository("NotesRepository", db.applicationDataSource());
		TenantContext.runAs(acme, () -> {
			assertThat(call(notes, "addNote", "first")).isInstanceOf(Long.class);
			assertThat(call(notes, "addNotes", List.of("second", "third"))).isEqualTo(2L);
			assertThat((List<Object>) call(notes, "listNotes")).containsExactly("first", "second", "third");
			try (java.util.stream.Stream<?> streamed = (java.util.stream.Stream<?>) call(notes, "streamListNotes")) {
				assertThat(streamed.count()).isEqualTo(3);
			}
		});
		TenantContext.runAs(globex, () -> {
			assertThat((List<?>) call(notes, "listNotes")).isEmpty();
			assertThat((long[]) call(notes, "deleteNotes", List.of("first", "second"))).containsExactly(0L, 0L);
		});
		assertThat(owner.queryForObject("SELECT count(*) FROM notes WHERE tenant_id = ?", Long.class, acme)).isEqualTo(3L);
		// a UUID tenant where the code reads a long: refused before any SQL is sent
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
				() -> TenantContext.runAs(UUID.randomUUID(), () -> call(notes, "listNotes")))
			.withMessageContaining("requireLong()");
	}

	@Test
	void statementsPostgresCannotPrepareRunAsPlatformOperations() throws Exception {
		CompiledCase utility = CompiledCase.compile("utility", this.work);
		TestDatabase db = TestPostgres.shared().createDatabase("UtilityStatements");
		Migrator.create(db.dataSource(), "filesystem:"
				+ GoldenCasesTests.CASES.resolve("utility/db/migrations").toAbsolutePath()).up();
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		UUID tenant = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('acme') RETURNING id", UUID.class);
		jdbc.update("INSERT INTO events (tenant_id, kind, at) VALUES (?, 'login', now() - interval '3 days'), "
				+ "(?, 'click', now() - interval '3 days'), (?, 'login', now())", tenant, tenant, tenant);
		Object platform = utility.repository("MaintenanceCrossTenantRepository", db.dataSource());
		Object notices = utility.repository("MaintenanceRepository", db.dataSource());
		jdbc.execute("CREATE UNIQUE INDEX ON event_counts (tenant_id, kind)"); // for REFRESH ... CONCURRENTLY
		call(platform, "forgetEvents", "2 days", "click");
		assertThat(jdbc.queryForList("SELECT kind FROM events ORDER BY kind", String.class))
			.containsExactly("login", "login");
		call(platform, "forgetAllOldEvents", "1 day");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isEqualTo(1L);
		call(platform, "refreshCounts");
		assertThat(jdbc.queryForObject("SELECT events FROM event_counts", Long.class)).isEqualTo(1L);
		call(platform, "countInBlock");
		call(platform, "emptyEvents");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isZero();
		// the platform operations are fenced from a tenant's code path; NOTIFY is no tenant's and runs anywhere
		assertThatExceptionOfType(CrossTenantCallException.class)
			.isThrownBy(() -> TenantContext.runAs(tenant, () -> call(platform, "emptyEvents")));
		try (java.sql.Connection listener = db.dataSource().getConnection()) {
			listener.createStatement().execute("LISTEN counts_refreshed");
			TenantContext.runAs(tenant, () -> call(notices, "announceRefresh"));
			org.postgresql.PGNotification[] received = listener.unwrap(org.postgresql.PGConnection.class)
				.getNotifications(5000);
			assertThat(received).singleElement().satisfies((n) -> assertThat(n.getParameter()).isEqualTo("all"));
		}
	}

	@Test
	void withRowLevelSecurityTheGeneratedCallsSetTheTenantForTheirOwnTransactionOnly() throws Exception {
		CompiledCase tenancy = CompiledCase.compile("tenancy", this.work);
		Shop shop = new Shop();
		SingleConnectionDataSource one = new SingleConnectionDataSource(shop.db.dataSource().getConnection(), true);
		Object scoped = tenancy.repository("TenancyRepository", one);
		Object platform = tenancy.repository("TenancyCrossTenantRepository", one);
		JdbcTemplate jdbc = new JdbcTemplate(one);
		UUID task = jdbc.queryForObject("INSERT INTO tasks (tenant_id, project_id, title) VALUES (?, ?, 't') RETURNING id",
				UUID.class, shop.tenant, shop.project);
		TenantContext.runAs(shop.tenant, () -> {
			assertThat((Optional<?>) call(scoped, "taskWithProject", task)).isPresent();
			assertThat((List<Object>) call(scoped, "openTasksViaCte")).containsExactly(task);
		});
		// transaction-local: nothing is left on the one connection after the call
		assertThat(jdbc.queryForObject("SELECT coalesce(current_setting('dbkit.tenant_id', true), '') || '|' || "
				+ "current_user", String.class)).isEqualTo("|" + shop.db.username());
		assertThat((List<?>) call(platform, "countProjectsPerTenant")).hasSize(1);
		// the platform role was the call's own: the session is back to its user afterwards
		assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(shop.db.username());
		one.destroy();
	}

	@Test
	void shapesRun() throws Exception {
		CompiledCase shapes = CompiledCase.compile("shapes", this.work);
		Shop shop = new Shop();
		Object repository = shapes.repository("ShapesRepository", shop.db.dataSource());
		JdbcTemplate jdbc = new JdbcTemplate(shop.db.dataSource());
		UUID task = jdbc.queryForObject("INSERT INTO tasks (tenant_id, project_id, title, assignee) "
				+ "VALUES (?, ?, 'write tests', 'ada') RETURNING id", UUID.class, shop.tenant, shop.project);
		TenantContext.runAs(shop.tenant, () -> {
			Object upserted = ((Optional<?>) call(repository, "upsertProject", "apollo", 7)).orElseThrow();
			assertThat(component(upserted, "priority")).isEqualTo(7);
			Object again = ((Optional<?>) call(repository, "upsertProject", "apollo", 9)).orElseThrow();
			assertThat(component(again, "id")).isEqualTo(component(upserted, "id"));
			assertThat(component(again, "priority")).isEqualTo(9);

			List<?> counts = (List<?>) call(repository, "recentTaskCounts");
			assertThat(counts).hasSize(1);
			assertThat(component(counts.get(0), "tasks")).isEqualTo(1L);
			assertThat(component(counts.get(0), "position")).isEqualTo(1L);
			assertThat((List<?>) call(repository, "projectsWithOpenTasks")).hasSize(1);
			assertThat((List<?>) call(repository, "tasksOfProjects", List.of(shop.project))).hasSize(1);
			assertThat((List<?>) call(repository, "busiestAssignees", 0L)).hasSize(1);
			List<?> completed = (List<?>) call(repository, "completeTasks", List.of(task));
			assertThat(completed).hasSize(1);
			assertThat(component(completed.get(0), "done")).isEqualTo(true);
			assertThat((List<?>) call(repository, "projectsWithOpenTasks")).isEmpty();
		});
	}

	/** The shared shop schema with one tenant and one project. */
	static final class Shop {

		final TestDatabase db = TestPostgres.shared().createDatabase("GeneratedCodeRuns");

		final UUID tenant;

		final UUID project;

		Shop() {
			Migrator.create(this.db.dataSource(),
					"filesystem:" + GoldenCasesTests.CASES.resolve("_shop/db/migrations").toAbsolutePath()).up();
			JdbcTemplate jdbc = new JdbcTemplate(this.db.dataSource());
			this.tenant = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('acme') RETURNING id", UUID.class);
			this.project = jdbc.queryForObject("INSERT INTO projects (tenant_id, name, starts_on, due_on) "
					+ "VALUES (?, 'zeus', DATE '2025-01-31', DATE '2025-03-01') RETURNING id", UUID.class, this.tenant);
		}

	}

}
