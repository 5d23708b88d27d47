package dev.dbkit.codegen;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures generation time (not a test): the seed, and a synthetic 200 queries over 20 tables, each cold (embedded
 * PostgreSQL started, migrations applied, every query analysed) and up to date (nothing changed). Run with
 * {@code mvn -q -pl dbkit-codegen test-compile exec:java -Dexec.mainClass=dev.dbkit.codegen.GenerationTiming
 * -Dexec.classpathScope=test}.
 */
public final class GenerationTiming {

	private GenerationTiming() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("dbkit-timing");
		Path seed = Path.of(GenerationTiming.class.getResource("/cases/seed").toURI());
		measure("seed (4 queries, 3 migrations)", seed, work.resolve("seed"));
		Path synthetic = synthetic(work.resolve("synthetic-input"));
		measure("synthetic (200 queries, 20 tables)", synthetic, work.resolve("synthetic"));
	}

	private static void measure(String name, Path caseDir, Path out) {
		Generation generation = new Generation(new GeneratorConfig("com.example.db"), caseDir,
				caseDir.resolve("db/migrations"), caseDir.resolve("db/queries"), out.resolve("sources"),
				out.resolve("resources"), out.resolve("state"), null, null, null);
		long cold = time(generation);
		long upToDate = time(generation);
		System.out.printf("%-38s cold %6d ms   up to date %4d ms   (%d queries)%n", name, cold, upToDate,
				generation.run().queries());
	}

	private static long time(Generation generation) {
		long started = System.nanoTime();
		generation.run();
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** 20 tenant-scoped tables, one migration each, and 10 queries per table in 20 files. */
	static Path synthetic(Path dir) throws Exception {
		Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
		Path queries = Files.createDirectories(dir.resolve("db/queries"));
		Files.writeString(migrations.resolve("000001_tenants.up.sql"),
				"CREATE TABLE tenants (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), name TEXT NOT NULL);");
		Files.writeString(migrations.resolve("000001_tenants.down.sql"), "DROP TABLE tenants;");
		for (int t = 1; t <= 20; t++) {
			String table = "items" + t;
			Files.writeString(migrations.resolve(String.format("%06d_create_%s.up.sql", t + 1, table)), """
					CREATE TABLE %1$s (
					    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
					    tenant_id  UUID NOT NULL REFERENCES tenants(id),
					    name       TEXT NOT NULL,
					    amount     NUMERIC(12, 2),
					    quantity   INT4 NOT NULL DEFAULT 0,
					    note       TEXT,
					    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
					    UNIQUE (tenant_id, name)
					);
					CREATE INDEX idx_%1$s_tenant ON %1$s(tenant_id);
					""".formatted(table));
			Files.writeString(migrations.resolve(String.format("%06d_create_%s.down.sql", t + 1, table)),
					"DROP TABLE " + table + ";");
			String other = "items" + ((t % 20) + 1);
			String n = String.valueOf(t);
			Files.writeString(queries.resolve(table + ".sql"), """
					-- name: Get%2$s :one
					SELECT * FROM %1$s WHERE tenant_id = $1 AND id = $2;

					-- name: List%2$s :many
					SELECT * FROM %1$s WHERE tenant_id = $1 ORDER BY name;

					-- name: Create%2$s :one
					INSERT INTO %1$s (tenant_id, name, amount, quantity, note) VALUES ($1, $2, $3, $4, $5) RETURNING *;

					-- name: Rename%2$s :execrows
					UPDATE %1$s SET name = $3 WHERE tenant_id = $1 AND id = $2;

					-- name: Delete%2$s :exec
					DELETE FROM %1$s WHERE tenant_id = $1 AND id = $2;

					-- name: Count%2$s :one
					SELECT count(*) FROM %1$s WHERE tenant_id = $1;

					-- name: Join%2$s :many
					SELECT a.id, a.name, b.name AS other_name
					FROM %1$s a LEFT JOIN %3$s b ON b.tenant_id = a.tenant_id AND b.name = a.name
					WHERE a.tenant_id = $1;

					-- name: Search%2$s :many
					SELECT id, name FROM %1$s WHERE tenant_id = $1 AND name ILIKE $2 ORDER BY name LIMIT $3 OFFSET $4;

					-- name: Total%2$s :one
					SELECT coalesce(sum(amount), 0) AS total, max(quantity) AS largest FROM %1$s WHERE tenant_id = $1;

					-- name: ByIds%2$s :many
					SELECT id, name FROM %1$s WHERE tenant_id = $1 AND id = ANY($2::uuid[]);
					""".formatted(table, "Item" + n, other));
		}
		return dir;
	}

}
