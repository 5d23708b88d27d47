package dev.dbkit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.dbkit.migration.Migrator;
import dev.dbkit.test.TemplatePool;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

/**
 * A fresh, fully migrated test database per test class: cloned from the migrated template ({@code dbkit-test}'s
 * way) against created empty and migrated ({@code CREATE DATABASE} + every migration, what each class did before).
 * 100 migrations of the seed's shape (a table with {@code tenant_id}, timestamps, an index, the {@code updated_at}
 * trigger, row-level security), interleaved in one JVM on one server, the order alternating per round; and a
 * database taken from {@link TemplatePool}'s clones made ahead of time, as {@code @DbkitTestDatabase} takes one,
 * while test classes run.
 * <p>
 * In {@code dbkit-benchmarks}: {@code java -cp "target/classes:$(cat target/classpath)"
 * dev.dbkit.benchmarks.TemplateCloneComparison [rounds] [migrations]}
 */
public final class TemplateCloneComparison {

	private TemplateCloneComparison() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		Path folder = Files.createTempDirectory("dbkit-template-bench");
		writeMigrations(folder, count);
		String location = "filesystem:" + folder;
		TestPostgres server = TestPostgres.shared();
		long start = System.nanoTime();
		String template = server.migratedTemplate(location);
		long buildMillis = (System.nanoTime() - start) / 1_000_000;
		if (template == null) {
			throw new IllegalStateException("the template could not be built: see the log");
		}
		// a test class as dbkit-test gives it one: from the clones made ahead of time, while the previous class's
		// tests run (here: a class's tests take workMillis)
		long workMillis = (args.length > 2) ? Long.parseLong(args[2]) : 500;
		TemplatePool pool = server.templatePool(template, 2);
		Thread.sleep(3000); // the pool's first clones
		double[] pooled = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			long t = System.nanoTime();
			TestDatabase db = pool.take("bench_pool");
			pooled[round] = (System.nanoTime() - t) / 1e6;
			check(db, count);
			Thread.sleep(workMillis);
		}
		double[] clone = new double[rounds];
		double[] migrate = new double[rounds];
		for (int round = -3; round < rounds; round++) {
			boolean cloneFirst = (round % 2 == 0);
			double c = 0;
			double m = 0;
			for (int turn = 0; turn < 2; turn++) {
				if ((turn == 0) == cloneFirst) {
					long t = System.nanoTime();
					TestDatabase db = server.cloneDatabase("bench_clone", template);
					c = (System.nanoTime() - t) / 1e6;
					check(db, count);
				}
				else {
					long t = System.nanoTime();
					TestDatabase db = server.createDatabase("bench_migrate");
					Migrator.create(db.dataSource(), location).up();
					m = (System.nanoTime() - t) / 1e6;
					check(db, count);
				}
			}
			if (round >= 0) { // the first rounds warm up
				clone[round] = c;
				migrate[round] = m;
			}
		}
		System.out.printf("%d migrations, %d rounds, template built once in %d ms%n", count, rounds, buildMillis);
		System.out.printf("clone from template:   median %.1f ms (quartiles %.1f-%.1f)%n", q(clone, 0.5), q(clone, 0.25),
				q(clone, 0.75));
		System.out.printf("create and migrate:    median %.1f ms (quartiles %.1f-%.1f)%n", q(migrate, 0.5),
				q(migrate, 0.25), q(migrate, 0.75));
		double[] ratios = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			ratios[i] = migrate[i] / clone[i];
		}
		System.out.printf("from the pool (tests of %d ms per class): median %.1f ms (quartiles %.1f-%.1f, max %.1f)%n",
				workMillis, q(pooled, 0.5), q(pooled, 0.25), q(pooled, 0.75), q(pooled, 1.0));
		System.out.printf("clone is faster by:    median %.1fx (quartiles %.1f-%.1f), per round%n", q(ratios, 0.5),
				q(ratios, 0.25), q(ratios, 0.75));
	}

	private static void check(TestDatabase db, int count) {
		Long tables = new org.springframework.jdbc.core.JdbcTemplate(db.applicationDataSource()).queryForObject(
				"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'things_%'", Long.class);
		if (tables == null || tables != count - 1) {
			throw new IllegalStateException("expected " + (count - 1) + " tables, found " + tables);
		}
	}

	private static double q(double[] values, double quantile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.round(quantile * (sorted.length - 1))];
	}

	static void writeMigrations(Path folder, int count) throws Exception {
		Files.writeString(folder.resolve("000001_base.up.sql"), """
				CREATE FUNCTION update_updated_at_column() RETURNS TRIGGER AS $$
				BEGIN NEW.updated_at = now(); RETURN NEW; END; $$ LANGUAGE plpgsql;
				CREATE TABLE tenants (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), name TEXT NOT NULL);
				""");
		Files.writeString(folder.resolve("000001_base.down.sql"),
				"DROP TABLE tenants; DROP FUNCTION update_updated_at_column();");
		for (int i = 2; i <= count; i++) {
			String table = "things_" + i;
			String name = String.format("%06d_create_%s", i, table);
			Files.writeString(folder.resolve(name + ".up.sql"), """
					CREATE TABLE %1$s (
					    tenant_id  UUID NOT NULL REFERENCES tenants (id),
					    id         UUID NOT NULL DEFAULT gen_random_uuid(),
					    name       TEXT NOT NULL,
					    metadata   JSONB,
					    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
					    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
					    deleted_at TIMESTAMPTZ,
					    PRIMARY KEY (tenant_id, id)
					);
					CREATE INDEX %1$s_name ON %1$s (tenant_id, name);
					CREATE TRIGGER set_updated_at BEFORE UPDATE ON %1$s FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
					ALTER TABLE %1$s ENABLE ROW LEVEL SECURITY;
					ALTER TABLE %1$s FORCE ROW LEVEL SECURITY;
					CREATE POLICY tenant_isolation ON %1$s
					    USING (tenant_id = nullif(current_setting('dbkit.tenant_id', true), '')::uuid);
					""".formatted(table));
			Files.writeString(folder.resolve(name + ".down.sql"), "DROP TABLE " + table + ";");
		}
	}

}
