package dev.dbkit.autoconfigure.embedded;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import dev.dbkit.autoconfigure.DbkitProperties;
import dev.dbkit.embedded.EmbeddedPostgresServer;

/**
 * Starts an embedded PostgreSQL and points the application's {@code DataSource} (and so Flyway) at it, for local
 * development.
 * <p>
 * Opt-in twice over: it needs {@code dbkit-embedded-postgres} on the class path (the starter does not bring it),
 * and it stays out of the way whenever {@code spring.datasource.url} is set or a {@link JdbcConnectionDetails} bean
 * exists (Testcontainers, dbkit-test). It logs where its data lives.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ EmbeddedPostgresServer.class, JdbcConnectionDetails.class })
@ConditionalOnBooleanProperty(name = "dbkit.embedded-postgres.enabled", matchIfMissing = true)
@Conditional(DbkitEmbeddedPostgresAutoConfiguration.NoDataSourceUrlCondition.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(DbkitProperties.class)
public final class DbkitEmbeddedPostgresAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EmbeddedPostgresServer dbkitEmbeddedPostgresServer(DbkitProperties properties) {
		DbkitProperties.EmbeddedPostgres settings = properties.getEmbeddedPostgres();
		EmbeddedPostgresServer server = settings.isPersistent()
				? EmbeddedPostgresServer.startPersistent(Path.of(settings.getDataDirectory()), settings.getPort())
				: EmbeddedPostgresServer.startTemporary();
		server.createDatabaseIfMissing(settings.getDatabase());
		return server;
	}

	@Bean
	JdbcConnectionDetails dbkitEmbeddedPostgresConnectionDetails(EmbeddedPostgresServer server,
			DbkitProperties properties) {
		String url = server.jdbcUrl(properties.getEmbeddedPostgres().getDatabase());
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return EmbeddedPostgresServer.USER;
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

	/** Matches when the application names no database of its own. */
	static class NoDataSourceUrlCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return StringUtils.hasText(url) ? ConditionOutcome.noMatch("spring.datasource.url is set")
					: ConditionOutcome.match("spring.datasource.url is not set");
		}

	}

}
