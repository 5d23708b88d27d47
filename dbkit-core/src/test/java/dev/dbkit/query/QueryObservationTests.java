package dev.dbkit.query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.tenant.TenantContext;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every generated call is an observation when there is a registry: a timer per query with bounded tags (never the
 * tenant), errors recorded; the tenant is in the logging context instead, for the whole block that sets it.
 */
class QueryObservationTests {

	static final UUID A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000");

	static TestDatabase db;

	@BeforeAll
	static void schema() {
		db = TestPostgres.shared().createDatabase("observations");
		db.execute("CREATE TABLE notes (tenant_id UUID NOT NULL, body TEXT NOT NULL);"
				+ "INSERT INTO notes VALUES ('" + A + "', 'a1'), ('" + A + "', 'a2');");
	}

	static final GeneratedQuery LIST = new GeneratedQuery("ListNotes", "db/queries/notes.sql", 3, "many",
			"SELECT body FROM notes WHERE tenant_id = ? ORDER BY body", GeneratedQuery.Scope.TENANT);

	static final GeneratedQuery BROKEN = new GeneratedQuery("Broken", "db/queries/notes.sql", 7, "exec",
			"SELECT 1 / 0", GeneratedQuery.Scope.CROSS_TENANT);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private QueryExecutor observedExecutor(ObservationRegistry registry) {
		QueryExecutor executor = new QueryExecutor(new JdbcTemplate(db.dataSource()));
		executor.setObservationRegistry(registry);
		return executor;
	}

	private ObservationRegistry registry(ObservationHandler<?>... more) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		for (ObservationHandler<?> handler : more) {
			registry.observationConfig().observationHandler(handler);
		}
		return registry;
	}

	@Test
	void eachCallIsATimedObservationTaggedByQueryNeverByTenant() {
		QueryExecutor executor = observedExecutor(registry());
		List<String> bodies = TenantContext.callAs(A, () -> executor.many(LIST, (ps) -> ps.setObject(1, A),
				(rs) -> rs.getString(1)));
		assertThat(bodies).containsExactly("a1", "a2");
		TenantContext.runAs(A, () -> executor.many(LIST, (ps) -> ps.setObject(1, A), (rs) -> rs.getString(1)));

		Timer timer = this.meters.get("dbkit.query").timer();
		assertThat(timer.count()).isEqualTo(2);
		assertThat(timer.getId().getTags()).extracting(Tag::getKey, Tag::getValue)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dbkit.query.name", "ListNotes"),
					org.assertj.core.groups.Tuple.tuple("dbkit.query.file", "db/queries/notes.sql"),
					org.assertj.core.groups.Tuple.tuple("dbkit.query.command", "many"),
					org.assertj.core.groups.Tuple.tuple("dbkit.query.scope", "tenant"),
					org.assertj.core.groups.Tuple.tuple("outcome", "success"),
					org.assertj.core.groups.Tuple.tuple("error", "none"));
		for (Meter meter : this.meters.getMeters()) {
			assertThat(meter.getId().getTags()).noneMatch((tag) -> tag.getValue().equals(A.toString()));
		}
	}

	@Test
	void errorsAreRecordedAndStillThrown() {
		List<Throwable> seen = new ArrayList<>();
		ObservationHandler<QueryObservationContext> errors = new ObservationHandler<>() {

			@Override
			public void onError(QueryObservationContext context) {
				seen.add(context.getError());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof QueryObservationContext;
			}

		};
		QueryExecutor executor = observedExecutor(registry(errors));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> executor.exec(BROKEN, (ps) -> {
		}));
		assertThat(seen).singleElement().isInstanceOf(DataAccessException.class);
		Timer timer = this.meters.get("dbkit.query").tag("outcome", "error").tag("dbkit.query.scope", "cross-tenant")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
	}

	@Test
	void theConventionIsReplaceable() {
		QueryExecutor executor = observedExecutor(registry());
		executor.setObservationConvention(new DefaultQueryObservationConvention() {

			@Override
			public String getName() {
				return "acme.sql";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(QueryObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "billing");
			}

		});
		TenantContext.runAs(A, () -> executor.many(LIST, (ps) -> ps.setObject(1, A), (rs) -> rs.getString(1)));
		assertThat(this.meters.get("acme.sql").tag("team", "billing").tag("dbkit.query.name", "ListNotes").timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.find("dbkit.query").timer()).isNull();
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		QueryExecutor executor = new QueryExecutor(new JdbcTemplate(db.dataSource()));
		TenantContext.runAs(A, () -> executor.many(LIST, (ps) -> ps.setObject(1, A), (rs) -> rs.getString(1)));
		assertThat(this.meters.getMeters()).isEmpty();
	}

	@Test
	void theTenantIsInTheLoggingContextForTheBlockAndOnlyThere() {
		UUID b = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000000");
		assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
		TenantContext.runAs(A, () -> {
			assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo(A.toString());
			TenantContext.runAs(b, () -> assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo(b.toString()));
			assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo(A.toString());
			TenantContext.runAcrossTenants(() -> assertThat(MDC.get(TenantContext.MDC_KEY)).isNull());
			assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo(A.toString());
		});
		assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
		try (TenantContext.Scope scope = TenantContext.open(42L)) {
			assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo("42");
		}
		assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
	}

}
