package dev.dbkit.autoconfigure.migration;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import dev.dbkit.autoconfigure.DbkitProperties;
import dev.dbkit.migration.FlywayNaming;
import dev.dbkit.migration.MigrationCatalog;
import dev.dbkit.migration.MigrationLocation;
import dev.dbkit.migration.MigrationLocks;
import dev.dbkit.migration.Migrator;

/**
 * Runs numbered {@code NNNNNN_description.up.sql} migrations on start-up through Spring Boot's own Flyway: a
 * {@link FlywayConfigurationCustomizer} teaches Flyway the naming (so {@code spring.flyway.*} and
 * {@code /actuator/flyway} keep working), and a {@link FlywayMigrationStrategy} checks the files and the history
 * with dbkit's messages before Flyway migrates. Boot runs the strategy before any bean can use the database.
 */
@AutoConfiguration(after = FlywayAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayConfigurationCustomizer.class })
@ConditionalOnBean(Flyway.class)
@ConditionalOnBooleanProperty(name = "dbkit.migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DbkitProperties.class)
public final class DbkitMigrationsAutoConfiguration {

	@Bean
	DbkitFlywayConfigurationCustomizer dbkitFlywayConfigurationCustomizer(DbkitProperties properties) {
		return new DbkitFlywayConfigurationCustomizer(properties.getMigrations().getLocation(),
				properties.getMigrations().getLockTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	FlywayMigrationStrategy dbkitFlywayMigrationStrategy(DbkitProperties properties) {
		String location = properties.getMigrations().getLocation();
		return (flyway) -> new Migrator(flyway,
				MigrationCatalog.load(location, flyway.getConfiguration().getClassLoader()),
				properties.getMigrations().getLockTimeout())
			.up();
	}

	/**
	 * Applies dbkit's naming first, so that a user's own customizer (ordered later by default) can still change
	 * anything.
	 */
	static final class DbkitFlywayConfigurationCustomizer implements FlywayConfigurationCustomizer, Ordered {

		private final MigrationLocation location;

		private final Duration lockTimeout;

		DbkitFlywayConfigurationCustomizer(String location, Duration lockTimeout) {
			this.location = MigrationLocation.parse(location);
			this.lockTimeout = lockTimeout;
		}

		@Override
		public void customize(FluentConfiguration configuration) {
			FlywayNaming.apply(configuration, this.location);
			// a session lock (Flyway's transaction lock made CREATE INDEX CONCURRENTLY wait forever) and a lock timeout
			MigrationLocks.apply(configuration, this.lockTimeout);
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

}
