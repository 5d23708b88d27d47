package dev.dbkit.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings statements, as generated now and as code generated before they named pg_catalog's set_config. */
class GeneratedQueryTests {

	@Test
	void tenantSettingsNamePgCatalogsSetConfig() {
		GeneratedQuery query = new GeneratedQuery("ListNotes", "notes.sql", 1, "many",
				GeneratedQuery.TENANT_SETTINGS + "SELECT body FROM notes WHERE tenant_id = ?", GeneratedQuery.Scope.TENANT);
		assertThat(GeneratedQuery.TENANT_SETTINGS).startsWith("SELECT pg_catalog.set_config('dbkit.tenant_id', ?, true)");
		assertThat(query.startsWithSettings()).isTrue();
		assertThat(query.settingsTakeTenant()).isTrue();
		assertThat(query.statement()).isEqualTo("SELECT body FROM notes WHERE tenant_id = ?");
	}

	@Test
	void codeGeneratedBeforeKeepsWorking() {
		GeneratedQuery tenant = new GeneratedQuery("ListNotes", "notes.sql", 1,
				"SELECT set_config('dbkit.tenant_id', ?, true);\nSELECT body FROM notes WHERE tenant_id = ?",
				GeneratedQuery.Scope.TENANT);
		assertThat(tenant.settingsTakeTenant()).isTrue();
		assertThat(tenant.statement()).isEqualTo("SELECT body FROM notes WHERE tenant_id = ?");
		GeneratedQuery platform = new GeneratedQuery("CountNotes", "notes.sql", 2,
				"SELECT set_config('dbkit.tenant_id', '', true), set_config('role', 'dbkit_platform', true);\n"
						+ "SELECT count(*) FROM notes\n;SELECT set_config('role', 'none', true)",
				GeneratedQuery.Scope.CROSS_TENANT);
		assertThat(platform.settingsTakeTenant()).isFalse();
		assertThat(platform.statement()).isEqualTo("SELECT count(*) FROM notes");
		assertThat(new GeneratedQuery("Plain", "notes.sql", 3, "SELECT 1", GeneratedQuery.Scope.GLOBAL)
			.startsWithSettings()).isFalse();
	}

}
