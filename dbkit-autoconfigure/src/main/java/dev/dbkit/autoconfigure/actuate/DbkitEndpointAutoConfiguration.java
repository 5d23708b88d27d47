package dev.dbkit.autoconfigure.actuate;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.dbkit.autoconfigure.DbkitProperties;
import dev.dbkit.autoconfigure.migration.DbkitMigrationsAutoConfiguration;
import dev.dbkit.autoconfigure.repository.DbkitRepositoriesAutoConfiguration;

/** The {@code dbkit} actuator endpoint, when the actuator is there and the endpoint is available (exposed). */
@AutoConfiguration(after = { DbkitMigrationsAutoConfiguration.class, DbkitRepositoriesAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, Flyway.class })
@ConditionalOnAvailableEndpoint(DbkitEndpoint.class)
@EnableConfigurationProperties(DbkitProperties.class)
public final class DbkitEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DbkitEndpoint dbkitEndpoint(ObjectProvider<Flyway> flyway, DbkitProperties properties,
			org.springframework.core.io.ResourceLoader resourceLoader) {
		return new DbkitEndpoint(resourceLoader.getClassLoader(), flyway, properties);
	}

}
