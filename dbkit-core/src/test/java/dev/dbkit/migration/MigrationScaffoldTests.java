package dev.dbkit.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbkit.migration.MigrationScaffold.NewMigration;
import dev.dbkit.schema.SchemaSnapshot;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MigrationScaffoldTests {

	@TempDir
	Path dir;

	@Test
	void firstMigrationIsNumberOne() {
		NewMigration created = MigrationScaffold.create(this.dir, "create_things");
		assertThat(created.up().getFileName()).hasToString("000001_create_things.up.sql");
		assertThat(created.down().getFileName()).hasToString("000001_create_things.down.sql");
		assertThat(created.table()).isEqualTo("things");
	}

	@Test
	void nextNumberFollowsTheHighestExistingVersion() {
		new MigrationFiles(this.dir).pair("000001_a", "", "").pair("000018_b", "", "").file("notes.txt", "");
		NewMigration created = MigrationScaffold.create(this.dir, "add_feature_table");
		assertThat(created.up().getFileName()).hasToString("000019_add_feature_table.up.sql");
		assertThat(created.table()).isEqualTo("feature");
	}

	@Test
	void refusesNamesThatAreNotSnakeCase() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationScaffold.create(this.dir, "Add Things"))
			.withMessage("Migration name 'Add Things' must be lower_snake_case letters, digits and underscores, "
					+ "starting with a letter, for example add_feature_table.");
	}

	@Test
	void aNameAlreadyUsedGetsTheNextNumberAndLeavesTheOldFilesAlone() throws Exception {
		Path existing = this.dir.resolve("000001_create_things.down.sql");
		Files.writeString(existing, "keep me");
		NewMigration created = MigrationScaffold.create(this.dir, "create_things");
		assertThat(created.up().getFileName()).hasToString("000002_create_things.up.sql");
		assertThat(Files.readString(existing)).isEqualTo("keep me");
	}

	@Test
	void templateFollowsTheChecklistAndItsDownReversesIt() throws SQLException {
		new MigrationFiles(this.dir).pair("000001_create_function", MigratorTests.FUNCTION_UP,
				"DROP FUNCTION update_updated_at_column();")
			.pair("000002_create_tenants", MigratorTests.TENANTS_UP, "DROP TABLE tenants;");
		TestDatabase db = TestPostgres.shared().createDatabase("MigrationScaffoldTests");
		Migrator migrator = Migrator.create(db.dataSource(), "filesystem:" + this.dir);
		migrator.up();
		SchemaSnapshot before = snapshot(db);

		MigrationScaffold.create(this.dir, "create_things");
		assertThat(Migrator.create(db.dataSource(), "filesystem:" + this.dir).up()).hasSize(1);
		assertThat(snapshot(db).lines()).contains(
				"column public.things.tenant_id uuid NOT NULL",
				"column public.things.created_at timestamp with time zone NOT NULL DEFAULT now()",
				"column public.things.updated_at timestamp with time zone NOT NULL DEFAULT now()",
				"column public.things.deleted_at timestamp with time zone",
				"constraint public.things.things_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id)",
				"constraint public.things.things_pkey PRIMARY KEY (tenant_id, id)",
				"trigger CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.things FOR EACH ROW EXECUTE FUNCTION "
						+ "update_updated_at_column()");
		assertThat(snapshot(db).lines()).as("row-level security on dbkit.tenant_id, for reads and writes")
			.anyMatch((line) -> line.startsWith("policy public.things.tenant_isolation ALL")
					&& line.contains("dbkit.tenant_id") && line.contains(" WITH CHECK "))
			.anyMatch((line) -> line.startsWith("table public.things") && line.contains("ROW LEVEL SECURITY"));

		Migrator.create(db.dataSource(), "filesystem:" + this.dir).rollback(1);
		assertThat(snapshot(db).firstDifference(before)).isEmpty();
	}

	private static SchemaSnapshot snapshot(TestDatabase db) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			return SchemaSnapshot.take(connection, List.of("flyway_schema_history"));
		}
	}

}
