package dev.dbkit.tenant;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TenantContextTests {

	private final UUID acme = UUID.randomUUID();

	private final UUID globex = UUID.randomUUID();

	@AfterEach
	void clear() {
		TenantContext.clear();
	}

	@Test
	void noTenantByDefault() {
		assertThat(TenantContext.current()).isEmpty();
		assertThatExceptionOfType(TenantMissingException.class).isThrownBy(TenantContext::require)
			.withMessageContaining("TenantContext.runAs(tenantId, ...)");
	}

	@Test
	void tenantIdsMayBeLongsOrStringsAndAreReadAsTheirOwnType() {
		TenantContext.runAs(42L, () -> {
			assertThat(TenantContext.requireLong()).isEqualTo(42L);
			assertThat(TenantContext.currentId()).contains(42L);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(TenantContext::require)
				.withMessageContaining("is a Long").withMessageContaining("requireId()");
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(TenantContext::current);
			TenantContext.runAs("acme", () -> assertThat(TenantContext.requireString()).isEqualTo("acme"));
			assertThat(TenantContext.callAs(7L, TenantContext::requireLong)).isEqualTo(7L);
			try (TenantContext.Scope scope = TenantContext.open("globex")) {
				assertThat(TenantContext.requireId()).isEqualTo("globex");
			}
			assertThat(TenantContext.requireLong()).as("restored").isEqualTo(42L);
		});
		assertThat(TenantContext.currentId()).isEmpty();
		assertThatExceptionOfType(TenantMissingException.class).isThrownBy(TenantContext::requireLong);
		assertThatExceptionOfType(TenantMissingException.class).isThrownBy(TenantContext::requireString);
	}

	@Test
	void runAsSetsTheTenantForTheBlockOnly() {
		TenantContext.runAs(this.acme, () -> assertThat(TenantContext.require()).isEqualTo(this.acme));
		assertThat(TenantContext.current()).isEmpty();
	}

	@Test
	void nestedCallsRestoreTheOuterTenant() {
		UUID seen = TenantContext.callAs(this.acme, () -> {
			UUID inner = TenantContext.callAs(this.globex, TenantContext::require);
			assertThat(inner).isEqualTo(this.globex);
			return TenantContext.require();
		});
		assertThat(seen).isEqualTo(this.acme);
	}

	@Test
	void tenantIsRestoredWhenTheBlockThrows() {
		try (TenantContext.Scope scope = TenantContext.open(this.acme)) {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> TenantContext.runAs(this.globex, () -> {
					throw new IllegalStateException("boom");
				}));
			assertThat(TenantContext.current()).contains(this.acme);
		}
		assertThat(TenantContext.current()).isEmpty();
	}

	@Test
	void aScopeSetsBackWhatWasCurrentBeforeAndClosesOnce() {
		TenantContext.runAs(this.acme, () -> {
			TenantContext.Scope scope = TenantContext.open(this.globex);
			assertThat(TenantContext.current()).contains(this.globex);
			scope.close();
			assertThat(TenantContext.current()).contains(this.acme);
			try (TenantContext.Scope inner = TenantContext.open(this.globex)) {
				scope.close(); // a second close of the outer scope changes nothing
				assertThat(TenantContext.current()).contains(this.globex);
			}
			assertThat(TenantContext.current()).contains(this.acme);
		});
	}

	@Test
	void tenantDoesNotCrossThreads() throws InterruptedException {
		TenantContext.Scope scope = TenantContext.open(this.acme);
		UUID[] seen = new UUID[1];
		boolean[] empty = new boolean[1];
		Thread other = new Thread(() -> empty[0] = TenantContext.current().isEmpty());
		other.start();
		other.join();
		seen[0] = TenantContext.require();
		scope.close();
		assertThat(empty[0]).isTrue();
		assertThat(seen[0]).isEqualTo(this.acme);
	}

}
