package dev.dbkit.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.dbkit.tenant.RowLevelSecurity;

/**
 * Creates the next numbered migration pair ({@code mvn dbkit:new -Dname=add_feature_table}): the up file holds a
 * table that passes the tenant checklist, the down file drops it.
 */
public final class MigrationScaffold {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	private MigrationScaffold() {
	}

	/**
	 * The files written.
	 *
	 * @param up the {@code .up.sql} file
	 * @param down the {@code .down.sql} file
	 * @param table the table the template creates
	 */
	public record NewMigration(Path up, Path down, String table) {
	}

	/**
	 * Writes {@code NNNNNN_name.up.sql} and {@code .down.sql} into {@code directory}, numbered one above the highest
	 * version there (six digits, or as wide as the existing numbers). Existing files are never overwritten.
	 */
	public static NewMigration create(Path directory, String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Migration name '" + name + "' must be lower_snake_case letters, digits "
					+ "and underscores, starting with a letter, for example add_feature_table.");
		}
		long latest = 0;
		int width = 6;
		try {
			Files.createDirectories(directory);
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Matcher matcher = MigrationCatalog.FILE_NAME.matcher(file.getFileName().toString());
					Long version = matcher.matches() ? MigrationCatalog.parseVersion(matcher.group(1)) : null;
					if (version != null) {
						latest = Math.max(latest, version);
						width = Math.max(width, matcher.group(1).length());
					}
				}
			}
			String base = String.format("%0" + width + "d_%s", latest + 1, name);
			String table = tableName(name);
			Path up = directory.resolve(base + ".up.sql");
			Path down = directory.resolve(base + ".down.sql");
			for (Path file : new Path[] { up, down }) {
				if (Files.exists(file)) {
					throw new MigrationException(file + " already exists; nothing was written. Choose another name.");
				}
			}
			Files.writeString(up, upTemplate(base, table), StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.CREATE_NEW);
			Files.writeString(down, "DROP TABLE IF EXISTS " + table + ";\n", StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.CREATE_NEW);
			return new NewMigration(up, down, table);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the new migration into " + directory, ex);
		}
	}

	/** {@code create_things} → {@code things}; {@code add_feature_table} → {@code feature}. */
	static String tableName(String name) {
		String table = name.replaceFirst("^(create|add)_", "").replaceFirst("_table$", "");
		return table.isEmpty() ? name : table;
	}

	private static String upTemplate(String base, String table) {
		return """
				-- %1$s: describe the change here.
				-- The template follows the tenant checklist: tenant_id, timestamps, soft delete, a tenant-first key,
				-- the updated_at trigger and row-level security. Rename the table and add your columns. To reference
				-- another tenant table, include tenant_id: FOREIGN KEY (tenant_id, project_id) REFERENCES projects
				-- (tenant_id, id). Unique constraints include tenant_id too: UNIQUE (tenant_id, slug).
				CREATE TABLE IF NOT EXISTS %2$s (
				    id          UUID NOT NULL DEFAULT gen_random_uuid(),
				    tenant_id   UUID NOT NULL REFERENCES tenants(id),

				    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
				    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
				    deleted_at  TIMESTAMPTZ,
				    -- tenant-first: tenant lookups, the unique key other tables reference tenant-safely, and the key
				    -- Citus needs to distribute the table by tenant_id
				    PRIMARY KEY (tenant_id, id)
				);

				-- Auto-update trigger
				CREATE TRIGGER set_updated_at
				    BEFORE UPDATE ON %2$s
				    FOR EACH ROW
				    EXECUTE FUNCTION update_updated_at_column();

				-- Row-level security: PostgreSQL refuses other tenants' rows to any SQL of a role that does not own
				-- the table (generate with rowLevelSecurity so that dbkit's calls set dbkit.tenant_id)
				%3$s""".formatted(base, table, RowLevelSecurity.statements(table, "tenant_id"));
	}

}
