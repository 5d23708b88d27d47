package dev.dbkit.query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.tenant.RowLevelSecurity;
import dev.dbkit.tenant.TenantContext;
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
	static void schema() {
		db = TestPostgres.shared().createDatabase("row_level_security");
		// the policy dbkit:new writes and dbkit:verify asks for
		db.execute("CREATE TABLE notes (id UUID PRIMARY KEY, tenant_id UUID NOT NULL, body TEXT NOT NULL);\n"
				+ RowLevelSecurity.statements("notes", "tenant_id"));
		db.execute("""
				INSERT INTO notes VALUES ('aaaaaaaa-0000-0000-0001-000000000001', 'aaaaaaaa-0000-0000-0000-000000000000', 'a1'),
				    ('aaaaaaaa-0000-0000-0001-000000000002', 'aaaaaaaa-0000-0000-0000-000000000000', 'a2'),
				    ('bbbbbbbb-0000-0000-0001-000000000001', 'bbbbbbbb-0000-0000-0000-000000000000', 'b1');
				DO $$ BEGIN
				    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rls_app') THEN
				        CREATE ROLE rls_app LOGIN PASSWORD 'rls_app' NOSUPERUSER NOBYPASSRLS;
				    END IF;
				END $$;
				GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO rls_app;
				""");
		PGSimpleDataSource role = new PGSimpleDataSource();
		role.setUrl(db.jdbcUrl());
		role.setUser("rls_app");
		role.setPassword("rls_app");
		try {
			app = new SingleConnectionDataSource(role.getConnection(), true);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A statement that binds no tenant at all: only row-level security stands between it and B's rows. */
	private static final GeneratedQuery ALL_BODIES = new GeneratedQuery("AllBodies", "test", 1,
			GeneratedQuery.TENANT_SETTINGS + "SELECT body FROM notes ORDER BY body", GeneratedQuery.Scope.TENANT);

	private static final GeneratedQuery DELETE_ALL = new GeneratedQuery("DeleteAll", "test", 2,
			GeneratedQuery.TENANT_SETTINGS + "DELETE FROM notes", GeneratedQuery.Scope.TENANT);

	private static final GeneratedQuery PLATFORM_COUNT = new GeneratedQuery("PlatformCount", "test", 3,
			GeneratedQuery.CROSS_TENANT_SETTINGS + "SELECT count(*) FROM notes", GeneratedQuery.Scope.CROSS_TENANT);

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
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
		List<String> after = transaction.execute((status) -> {
			this.executor.one(PLATFORM_COUNT, ParameterBinder.NONE, (rs) -> rs.getLong(1));
			return allBodies(B);
		});
		assertThat(after).as("the tenant call resets the cross-tenant marker in the same transaction")
			.containsExactly("b1");
		assertThat(this.plain.queryForList("SELECT body FROM notes", String.class)).isEmpty();
	}

	@Test
	void theApplicationRoleOwnsNothingAndBypassesNothing() {
		assertThat(this.plain.queryForObject("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
				Boolean.class)).isFalse();
		assertThat(this.plain.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'notes'",
				String.class)).isNotEqualTo("rls_app");
	}

}
