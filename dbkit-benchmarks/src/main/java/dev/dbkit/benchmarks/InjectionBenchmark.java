package dev.dbkit.benchmarks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.dbkit.tenant.TenantContext;

/**
 * What injecting the tenant adds to a call, without the database: the caller's {@code TenantContext.callAs} and
 * the generated method's {@code TenantContext.require()}, against passing the tenant as an argument. The database
 * round trip of the same call is tens of microseconds (docs/benchmarks.md), so this is the injection's share.
 * <p>
 * {@code java -cp "target/classes:$(cat target/classpath)" org.openjdk.jmh.Main InjectionBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InjectionBenchmark {

	private final UUID tenant = UUID.randomUUID();

	@Benchmark
	public long injected() {
		return TenantContext.callAs(this.tenant, InjectionBenchmark::generatedMethodBody);
	}

	@Benchmark
	public long explicit() {
		return explicitMethodBody(this.tenant);
	}

	/** What a generated tenant-scoped method does before it binds: read the tenant. */
	private static long generatedMethodBody() {
		UUID tenantId = TenantContext.require();
		return tenantId.getLeastSignificantBits();
	}

	private static long explicitMethodBody(UUID tenantId) {
		return tenantId.getLeastSignificantBits();
	}

}
