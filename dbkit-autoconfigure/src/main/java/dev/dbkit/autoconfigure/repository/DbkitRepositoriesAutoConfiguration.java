package dev.dbkit.autoconfigure.repository;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcOperations;
import tools.jackson.databind.json.JsonMapper;

import dev.dbkit.query.JsonValues;
import dev.dbkit.query.QueryExecutor;
import dev.dbkit.query.QueryObservationConvention;

/**
 * Registers every generated repository (found through the generated {@code RepositoryIndex}) as a singleton bean,
 * on the {@link QueryExecutor} seam over Boot's {@code JdbcTemplate}, so that the Boot-configured
 * {@code DataSource} and {@code @Transactional} apply. With an {@code ObservationRegistry} (Boot's actuator) every
 * call is an observation, named and tagged by a {@code QueryObservationConvention} bean if there is one. A
 * repository bean the application defines itself replaces
 * the generated one.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass({ JdbcOperations.class, QueryExecutor.class })
@ConditionalOnBean(JdbcOperations.class)
@Import(RepositoryRegistrar.class)
public final class DbkitRepositoriesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueryExecutor dbkitQueryExecutor(JdbcOperations jdbcOperations, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<QueryObservationConvention> convention) {
		QueryExecutor executor = new QueryExecutor(jdbcOperations);
		// Boot's actuator defines the registry: then every generated call is an observation (metrics, traces)
		observations.ifAvailable(executor::setObservationRegistry);
		convention.ifAvailable(executor::setObservationConvention);
		return executor;
	}

	/** json/jsonb type overrides read and write with the application's {@code JsonMapper}: its modules, its settings. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JsonConfiguration {

		@Bean
		static SmartInitializingSingleton dbkitJsonValues(ObjectProvider<JsonMapper> jsonMapper) {
			return () -> jsonMapper.ifAvailable(JsonValues::use);
		}

	}

}
