package dev.dbkit.autoconfigure.embedded;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
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
 * <p>
 * Like a production set-up it has two roles ({@link dev.dbkit.embedded.DatabaseRoles}): Flyway connects as the
 * database's owner and the application's {@code DataSource} as a role that is neither owner nor superuser, so that
 * row-level security binds the application in development as it does in production.
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
		return server;
	}

	/** The database, its owner (for Flyway) and the application's role (for the {@code DataSource}). */
	@Bean
	EmbeddedPostgresServer.DatabaseUsers dbkitEmbeddedPostgresUsers(EmbeddedPostgresServer server,
			DbkitProperties properties) {
		return server.prepareApplicationDatabase(properties.getEmbeddedPostgres().getDatabase());
	}

	@Bean
	JdbcConnectionDetails dbkitEmbeddedPostgresConnectionDetails(EmbeddedPostgresServer server,
			EmbeddedPostgresServer.DatabaseUsers users, DbkitProperties properties) {
		String url = server.jdbcUrl(properties.getEmbeddedPostgres().getDatabase());
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return users.application();
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

	/** Flyway connects as the database's owner: the migrations create what the application role may only use. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FlywayConnectionDetails.class)
	static class FlywayOwnerConfiguration {

		@Bean
		FlywayConnectionDetails dbkitEmbeddedPostgresFlywayConnectionDetails(EmbeddedPostgresServer server,
				EmbeddedPostgresServer.DatabaseUsers users, DbkitProperties properties) {
			String url = server.jdbcUrl(properties.getEmbeddedPostgres().getDatabase());
			return new FlywayConnectionDetails() {

				@Override
				public String getUsername() {
					return users.owner();
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
