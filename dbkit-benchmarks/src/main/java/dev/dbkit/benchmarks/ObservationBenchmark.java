package dev.dbkit.benchmarks;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;

import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.query.QueryExecutor;

/**
 * What the executor's own path costs per call, without the database (a {@code JdbcTemplate} that answers at once):
 * without an observation registry, where a call checks {@code isNoop()} and goes on, and with one that records a
 * timer. Its nanoseconds against a call's tens of microseconds bound the share of the no-registry check.
 * <p>
 * {@code java -cp "target/classes:$(cat target/classpath)" org.openjdk.jmh.Main ObservationBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObservationBenchmark {

	private static final GeneratedQuery QUERY = new GeneratedQuery("ListFeatureFlags", "db/queries/feature_flags.sql",
			5, "many", "SELECT 1 WHERE ? IS NOT NULL", GeneratedQuery.Scope.GLOBAL);

	private final UUID tenant = UUID.randomUUID();

	private final QueryExecutor plain = new QueryExecutor(new AnswersAtOnce());

	private final QueryExecutor observed = new QueryExecutor(new AnswersAtOnce());

	public ObservationBenchmark() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		this.observed.setObservationRegistry(registry);
	}

	@Benchmark
	public List<Integer> noRegistry() {
		return this.plain.many(QUERY, (ps) -> ps.setObject(1, this.tenant), (rs) -> 1);
	}

	@Benchmark
	public List<Integer> timerPerQuery() {
		return this.observed.many(QUERY, (ps) -> ps.setObject(1, this.tenant), (rs) -> 1);
	}

	/** A JdbcTemplate whose query returns at once, with no rows. */
	static final class AnswersAtOnce extends JdbcTemplate {

		@Override
		public <T> T query(String sql, PreparedStatementSetter pss, ResultSetExtractor<T> rse) {
			@SuppressWarnings("unchecked")
			T empty = (T) List.of();
			return empty;
		}

	}

}
