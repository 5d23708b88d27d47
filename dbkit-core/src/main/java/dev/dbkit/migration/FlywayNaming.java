package dev.dbkit.migration;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Teaches Flyway golang-migrate's file naming, from configuration alone: no prefix, {@code _} between version and
 * description, and only {@code .up.sql} as a migration suffix, so that Flyway ignores the {@code .down.sql} files
 * (dbkit runs those itself).
 */
public final class FlywayNaming {

	private FlywayNaming() {
	}

	public static FluentConfiguration apply(FluentConfiguration configuration, MigrationLocation location) {
		return configuration.locations(location.toFlywayLocation())
			.sqlMigrationPrefix("")
			.sqlMigrationSeparator("_")
			.sqlMigrationSuffixes(".up.sql")
			.validateMigrationNaming(true);
	}

}
