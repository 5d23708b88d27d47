package dev.dbkit.sample;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.dbkit.sample.db.FeatureFlag;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantMissingException;
import dev.dbkit.test.DbkitTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The generated repositories, injected into the app's service, keep each tenant's flags its own.
 */
@DbkitTestDatabase
@SpringBootTest
class FeatureFlagServiceTests {

	@Autowired
	FeatureFlagService service;

	@Test
	void eachTenantSeesOnlyItsOwnFlags() {
		UUID acme = this.service.createTenant("acme").id();
		UUID globex = this.service.createTenant("globex").id();
		FeatureFlag acmeDark = TenantContext.callAs(acme, () -> this.service.setFlag("dark_mode", true,
				JsonMapper.builder().build().readTree("{\"beta\": 1}")));
		TenantContext.runAs(globex, () -> this.service.setFlag("dark_mode", false, null));

		TenantContext.runAs(acme, () -> {
			assertThat(this.service.flags()).extracting(FeatureFlag::tenantId).containsOnly(acme);
			assertThat(this.service.flag("dark_mode")).get().extracting(FeatureFlag::isEnabled).isEqualTo(true);
			assertThat(this.service.flag("dark_mode").orElseThrow().metadata())
				.as("jsonb read back as a Jackson tree").hasToString("{\"beta\":1}");
		});
		TenantContext.runAs(globex, () -> {
			assertThat(this.service.flag("dark_mode").orElseThrow().isEnabled()).isFalse();
			assertThat(this.service.flag("dark_mode").orElseThrow().metadata()).isNull();
			this.service.deleteFlag(acmeDark.id()); // another tenant's id: deletes nothing
		});
		TenantContext.runAs(acme, () -> assertThat(this.service.flag("dark_mode")).isPresent());
		assertThat(this.service.tenant(acme)).get().extracting((t) -> t.name()).isEqualTo("acme");
	}

	@Test
	void flagsNeedATenant() {
		assertThatExceptionOfType(TenantMissingException.class).isThrownBy(() -> this.service.flags());
	}

}
