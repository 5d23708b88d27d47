package dev.dbkit.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.tenant.CrossTenantCallException;
import dev.dbkit.tenant.RowLevelSecurity;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantMissingException;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database holds the line on its own: with row-level security on {@code dbkit.tenant_id}, which every
 * tenant-scoped generated call sets in its own round trip, even a statement that binds no tenant sees only the
 * current tenant's rows, plain SQL outside a generated call sees none, and the setting never outlives its
 * transaction on a pooled connection. Run as a role that owns nothing and bypasses nothing.
 */
class RowLevelSecurityTests {

	static final UUID A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000");

	static final UUID B = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000000");

	static TestDatabase db;

	/** One physical connection as the application's role: what one call leaves, the next one sees. */
	static SingleConnectionDataSource app;

	@BeforeAll
	static void schema() throws SQLException {
		db = TestPostgres.shared().createDatabase("row_level_security");
		// as the owner, before the policy: the rows of two tenants
		db.execute("""
				CREATE TABLE notes (id UUID PRIMARY KEY, tenant_id UUID NOT NULL, body TEXT NOT NULL);
				INSERT INTO notes VALUES ('aaaaaaaa-0000-0000-0001-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'a1'),
				    ('aaaaaaaa-0000-0000-0001-000000000002', 'aaaaaaaa-0000-0000-0000-000000000000', 'a2'),
				    ('bbbbbbbb-0000-0000-0001-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'b1');
				""");
		// the policy dbkit:new writes and dbkit:verify asks for
		db.execute(RowLevelSecurity.statements("notes", "tenant_id"));
		// code the build-time proof never sees, created by the owner as a migration would
		db.execute("""
				CREATE FUNCTION all_bodies() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
				    AS 'SELECT body FROM notes ORDER BY body';
				CREATE VIEW note_bodies AS SELECT body FROM notes;
				""");
		app = new SingleConnectionDataSource(db.applicationDataSource().getConnection(), true);
	}

	/** A statement that binds no tenant at all: only row-level security stands between it and B's rows. */
	private static final GeneratedQuery ALL_BODIES = new GeneratedQuery("AllBodies", "test", 1,
			GeneratedQuery.TENANT_SETTINGS + "SELECT body FROM notes ORDER BY body", GeneratedQuery.Scope.TENANT);

	private static final GeneratedQuery DELETE_ALL = new GeneratedQuery("DeleteAll", "test", 2,
			GeneratedQuery.TENANT_SETTINGS + "DELETE FROM notes", GeneratedQuery.Scope.TENANT);

	private static final GeneratedQuery PLATFORM_COUNT = new GeneratedQuery("PlatformCount", "test", 3,
			GeneratedQuery.CROSS_TENANT_SETTINGS + "SELECT count(*) FROM notes" + GeneratedQuery.CROSS_TENANT_END,
			GeneratedQuery.Scope.CROSS_TENANT);

	private final QueryExecutor executor = new QueryExecutor(new JdbcTemplate(app));

	private final JdbcTemplate plain = new JdbcTemplate(app);

	private List<String> allBodies(UUID tenant) {
		return TenantContext.callAs(tenant, () -> this.executor.many(ALL_BODIES,
				(ps) -> ps.setString(1, tenant.toString()), (rs) -> rs.getString(1)));
	}

	@Test
	void aStatementThatBindsNoTenantStillSeesOnlyTheCurrentTenantsRows() {
		assertThat(allBodies(A)).containsExactly("a1", "a2");
		assertThat(allBodies(B)).containsExactly("b1");
	}

	@Test
	void theSettingDoesNotOutliveTheCallOnThePooledConnection() {
		assertThat(allBodies(A)).isNotEmpty();
		assertThat(this.plain.queryForObject("SELECT coalesce(current_setting('dbkit.tenant_id', true), '')",
				String.class)).isEmpty();
		assertThat(this.plain.queryForList("SELECT body FROM notes", String.class)).isEmpty();
	}

	@Test
	void plainSqlSeesNoTenantRowsOutsideACallAndAtMostTheTenantsInsideItsTransaction() {
		assertThat(this.plain.queryForList("SELECT body FROM notes", String.class)).isEmpty();
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		List<String> inside = TenantContext.callAs(A, () -> transaction.execute((status) -> {
			List<String> before = this.plain.queryForList("SELECT body FROM notes", String.class);
			assertThat(before).as("before any generated call in the transaction").isEmpty();
			allBodies(A);
			return this.plain.queryForList("SELECT body FROM notes ORDER BY body", String.class);
		}));
		assertThat(inside).as("after a generated call, in its transaction").containsExactly("a1", "a2");
		assertThat(this.plain.queryForList("SELECT body FROM notes", String.class)).isEmpty();
	}

	@Test
	void plainSqlCannotPlantOrMoveRowsIntoAnotherTenant() {
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.plain
			.update("INSERT INTO notes VALUES (gen_random_uuid(), ?, 'planted')", B));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		TenantContext.runAs(A, () -> transaction.executeWithoutResult((status) -> {
			allBodies(A);
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.plain
				.update("UPDATE notes SET tenant_id = ? WHERE body = 'a1'", B));
			status.setRollbackOnly();
		}));
		assertThat(allBodies(B)).containsExactly("b1");
	}

	@Test
	void anUnboundDeleteReachesOnlyTheCurrentTenant() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		TenantContext.runAs(A, () -> transaction.executeWithoutResult((status) -> {
			long deleted = this.executor.execRows(DELETE_ALL, (ps) -> ps.setString(1, A.toString()));
			assertThat(deleted).isEqualTo(2);
			status.setRollbackOnly();
		}));
		assertThat(allBodies(B)).containsExactly("b1");
		assertThat(allBodies(A)).hasSize(2);
	}

	@Test
	void crossTenantCallsSeeEveryTenantAndATenantCallAfterThemDoesNot() {
		Optional<Long> count = this.executor.one(PLATFORM_COUNT, ParameterBinder.NONE, (rs) -> rs.getLong(1));
		assertThat(count).contains(3L);
		// from a tenant's code path, only where the caller says it means to span tenants
		assertThatExceptionOfType(CrossTenantCallException.class)
			.isThrownBy(() -> TenantContext.runAs(A,
					() -> this.executor.one(PLATFORM_COUNT, ParameterBinder.NONE, (rs) -> rs.getLong(1))))
			.withMessageStartingWith("PlatformCount (test:3) is a cross-tenant query (-- dbkit:cross-tenant), called "
					+ "while tenant " + A + " is current")
			.withMessageContaining("TenantContext.runAcrossTenants");
		assertThat(TenantContext.callAs(A, () -> {
			Optional<Long> across = TenantContext.callAcrossTenants(
					() -> this.executor.one(PLATFORM_COUNT, ParameterBinder.NONE, (rs) -> rs.getLong(1)));
			assertThat(TenantContext.current()).as("the tenant is back after the block").contains(A);
			assertThatExceptionOfType(TenantMissingException.class).as("no tenant inside the block")
				.isThrownBy(() -> TenantContext.runAcrossTenants(() -> allBodies(TenantContext.require())));
			return across;
		})).contains(3L);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		List<String> after = transaction.execute((status) -> {
			assertThat(this.executor.one(PLATFORM_COUNT, ParameterBinder.NONE, (rs) -> rs.getLong(1))).contains(3L);
			assertThat(this.plain.queryForObject("SELECT current_user", String.class))
				.as("the platform role is given back right after the platform statement")
				.isEqualTo(db.applicationUsername());
			assertThat(this.plain.queryForList("SELECT body FROM notes", String.class)).isEmpty();
			return allBodies(B);
		});
		assertThat(after).as("a tenant call after a platform call in the same transaction").containsExactly("b1");
		assertThat(this.plain.queryForList("SELECT body FROM notes", String.class)).isEmpty();
	}

	/** Batches send the setting once per chunk, in a transaction of their own: every item runs as the tenant. */
	@Test
	void batchesRunEveryItemAsTheTenantAndNothingElse() {
		GeneratedQuery bodiesLike = new GeneratedQuery("BodiesLike", "test", 6,
				GeneratedQuery.TENANT_SETTINGS + "SELECT body FROM notes WHERE body LIKE ? ORDER BY body",
				GeneratedQuery.Scope.TENANT);
		List<String> patterns = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			patterns.add((i % 3 == 0) ? "a%" : (i % 3 == 1) ? "b%" : "%");
		}
		List<List<String>> seen = TenantContext.callAs(A, () -> this.executor.batchMany(bodiesLike, A, patterns, 1,
				(ps, at, pattern) -> ps.setString(at + 1, pattern), (rs) -> rs.getString(1)));
		assertThat(seen).hasSize(150);
		for (int i = 0; i < 150; i++) {
			assertThat(seen.get(i)).as("item %d, across chunks of %d", i, QueryExecutor.BATCH_CHUNK)
				.isEqualTo((i % 3 == 1) ? List.of() : List.of("a1", "a2"));
		}
		// an unbound delete in a batch reaches only the tenant's rows, and a failing item undoes the whole batch
		GeneratedQuery deleteBody = new GeneratedQuery("DeleteBody", "test", 7,
				GeneratedQuery.TENANT_SETTINGS + "DELETE FROM notes WHERE body = ? OR 1 / ? = 1",
				GeneratedQuery.Scope.TENANT);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> TenantContext.runAs(A,
				() -> this.executor.batchExec(deleteBody, A, List.of(1, 0), 2, (ps, at, divisor) -> {
					ps.setString(at + 1, "a1");
					ps.setInt(at + 2, divisor);
				})));
		assertThat(allBodies(A)).as("the failing second item rolled back the first").containsExactly("a1", "a2");
		assertThat(this.plain.queryForObject("SELECT coalesce(current_setting('dbkit.tenant_id', true), '')",
				String.class)).as("nothing left on the connection").isEmpty();
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		TenantContext.runAs(A, () -> transaction.executeWithoutResult((status) -> {
			long[] deleted = this.executor.batchExec(deleteBody, A, List.of("a1", "b1", "x"), 2, (ps, at, body) -> {
				ps.setString(at + 1, body);
				ps.setInt(at + 2, 2);
			});
			assertThat(deleted).containsExactly(1, 0, 0);
			status.setRollbackOnly();
		}));
		assertThat(allBodies(B)).containsExactly("b1");
	}

	/**
	 * {@code COPY FROM} is refused on a table with row-level security; {@code :copyfrom}'s {@code INSERT ... SELECT
	 * FROM unnest(...)} is checked row by row by the policy, so a row of another tenant is refused.
	 */
	@Test
	void copyFromInsertsUnderRowLevelSecurityAndOnlyTheTenantsRows() throws SQLException {
		try (Connection connection = db.applicationDataSource().getConnection()) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.unwrap(
					org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY notes FROM STDIN", new java.io.StringReader("")))
				.withMessageContaining("row-level security");
		}
		GeneratedQuery copy = new GeneratedQuery("AddNotes", "test", 8, GeneratedQuery.TENANT_SETTINGS
				+ "INSERT INTO notes (id, tenant_id, body) SELECT dbkit_rows.c1, ?, dbkit_rows.c3 FROM "
				+ "unnest(?::\"pg_catalog\".\"uuid\"[], ?::\"pg_catalog\".\"text\"[]) AS dbkit_rows(c1, c3)",
				GeneratedQuery.Scope.TENANT);
		List<String> bodies = List.of("c1", "c2", "c3");
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		TenantContext.runAs(A, () -> transaction.executeWithoutResult((status) -> {
			long inserted = this.executor.execRows(copy, (ps) -> {
				ps.setString(1, A.toString());
				ps.setObject(2, A);
				JdbcValues.setColumn(ps, 3, bodies, (body) -> UUID.randomUUID(), "uuid");
				JdbcValues.setColumn(ps, 4, bodies, (body) -> body, "text");
			});
			assertThat(inserted).isEqualTo(3);
			assertThat(allBodies(A)).containsExactly("a1", "a2", "c1", "c2", "c3");
			// the same statement writing B's id while A is the setting: the policy's WITH CHECK refuses every row
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.executor.execRows(copy, (ps) -> {
				ps.setString(1, A.toString());
				ps.setObject(2, B);
				JdbcValues.setColumn(ps, 3, bodies, (body) -> UUID.randomUUID(), "uuid");
				JdbcValues.setColumn(ps, 4, bodies, (body) -> body, "text");
			})).satisfies((ex) -> assertThat(ex.getMostSpecificCause().getMessage()).contains("row-level security"));
			status.setRollbackOnly();
		}));
		assertThat(allBodies(B)).containsExactly("b1");
	}

	/**
	 * pgjdbc describes a prepared statement that has a parameter of unspecified type, and from then on sends a Sync
	 * before each execution of it whose rows it cannot bound: in autocommit that ends the implicit transaction that
	 * holds the setting, and the statement runs without a tenant. Generated code therefore sends every parameter
	 * with its type, {@code null} too ({@code JdbcValues.setTyped}); the untyped form is shown losing the setting.
	 */
	@Test
	void everyParameterGoesWithItsTypeOrTheSettingIsLostOnceTheStatementIsPrepared() {
		GeneratedQuery withNull = new GeneratedQuery("BodiesUnless", "test", 4, GeneratedQuery.TENANT_SETTINGS
				+ "SELECT body FROM notes WHERE ?::jsonb IS NULL ORDER BY body", GeneratedQuery.Scope.TENANT);
		List<Integer> typed = new ArrayList<>();
		List<Integer> untyped = new ArrayList<>();
		for (int call = 0; call < 12; call++) {
			typed.add(TenantContext.callAs(A, () -> this.executor.many(withNull, (ps) -> {
				ps.setString(1, A.toString());
				JdbcValues.setTyped(ps, 2, null, "jsonb");
			}, (rs) -> rs.getString(1))).size());
		}
		GeneratedQuery untypedQuery = new GeneratedQuery("BodiesUnlessUntyped", "test", 5, withNull.sql() + " ",
				GeneratedQuery.Scope.TENANT);
		for (int call = 0; call < 12; call++) {
			untyped.add(TenantContext.callAs(A, () -> this.executor.many(untypedQuery, (ps) -> {
				ps.setString(1, A.toString());
				ps.setNull(2, java.sql.Types.OTHER);
			}, (rs) -> rs.getString(1))).size());
		}
		assertThat(typed).as("typed: every call sees A's two rows").containsOnly(2);
		assertThat(untyped).as("untyped: A's rows until pgjdbc prepares and describes the statement, then none")
			.startsWith(2, 2, 2, 2)
			.contains(0);
	}

	@Test
	void theApplicationRoleOwnsNothingAndBypassesNothing() {
		assertThat(this.plain.queryForObject("SELECT current_user", String.class)).isEqualTo(db.applicationUsername());
		assertThat(this.plain.queryForObject("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
				Boolean.class)).isFalse();
		assertThat(this.plain.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'notes'",
				String.class)).isEqualTo(db.username()).isNotEqualTo(db.applicationUsername());
	}

	@Test
	void aSecurityDefinerFunctionAndAViewOfTheOwnerLeakNothing() {
		// both run with the owner's rights; the owner is bound by the forced policy like everyone else
		assertThat(this.plain.queryForList("SELECT all_bodies()", String.class)).isEmpty();
		assertThat(this.plain.queryForList("SELECT body FROM note_bodies", String.class)).isEmpty();
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		List<String> inside = TenantContext.callAs(A, () -> transaction.execute((status) -> {
			allBodies(A);
			List<String> seen = new ArrayList<>(this.plain.queryForList("SELECT all_bodies()", String.class));
			seen.addAll(this.plain.queryForList("SELECT body FROM note_bodies ORDER BY body", String.class));
			return seen;
		}));
		assertThat(inside).containsExactly("a1", "a2", "a1", "a2");
	}

	@Test
	void aLoopbackDblinkCallLeaksNothing() throws SQLException {
		// dblink is not a trusted extension: only an administrator can install it
		try (Connection admin = TestPostgres.shared().adminDataSource(db).getConnection();
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS dblink");
		}
		for (String user : List.of(db.username() + " password=" + db.password(), "postgres")) {
			java.net.URI server = java.net.URI.create(db.jdbcUrl().substring("jdbc:".length()));
			String connection = "host=" + server.getHost() + " port=" + server.getPort() + " dbname=" + db.name()
					+ " user=" + user;
			List<String> rows;
			try {
				rows = TenantContext.callAs(A, () -> new TransactionTemplate(new DataSourceTransactionManager(app))
					.execute((status) -> {
						allBodies(A);
						return this.plain.queryForList("SELECT body FROM dblink(?, 'SELECT body FROM notes') AS t(body text)",
								String.class, connection);
					}));
			}
			catch (DataAccessException ex) {
				// a role that is not a superuser may only connect with a password the server asks for
				assertThat(ex).rootCause().hasMessageContaining("password or GSSAPI delegated credentials required");
				continue;
			}
			// a new session: no tenant setting, and the owner is bound by the policy
			assertThat(rows).as("dblink as " + user).isEmpty();
		}
	}

}
