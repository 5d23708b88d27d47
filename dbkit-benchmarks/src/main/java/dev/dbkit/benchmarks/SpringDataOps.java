package dev.dbkit.benchmarks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGobject;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.annotation.Id;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** A Spring Data JDBC repository with {@code @Query} methods. */
final class SpringDataOps {

	private SpringDataOps() {
	}

	/** The feature_flags row as a Spring Data entity. */
	@Table("feature_flags")
	record FlagRow(@Id UUID id, UUID tenantId, String featureKey, boolean isEnabled, @Nullable String metadata,
			OffsetDateTime createdAt, OffsetDateTime updatedAt) {
	}

	interface FlagRepository extends Repository<FlagRow, UUID> {

		@Query("SELECT * FROM feature_flags WHERE tenant_id = :tenant AND feature_key = :key")
		Optional<FlagRow> get(UUID tenant, String key);

		@Query("SELECT * FROM feature_flags WHERE tenant_id = :tenant ORDER BY feature_key")
		List<FlagRow> list(UUID tenant);

		@Query("INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) "
				+ "VALUES (:tenant, :key, :enabled, CAST(:metadata AS jsonb)) ON CONFLICT (tenant_id, feature_key) "
				+ "DO UPDATE SET is_enabled = EXCLUDED.is_enabled, metadata = EXCLUDED.metadata RETURNING *")
		FlagRow upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata);

		@Modifying
		@Query("DELETE FROM feature_flags WHERE id = :id AND tenant_id = :tenant")
		int delete(UUID id, UUID tenant);

	}

	@ReadingConverter
	enum JsonbToString implements Converter<PGobject, String> {

		INSTANCE;

		@Override
		public String convert(PGobject source) {
			return source.getValue();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJdbcRepositories(considerNestedRepositories = true, basePackageClasses = SpringDataOps.class)
	static class Config extends AbstractJdbcConfiguration {

		@Bean
		NamedParameterJdbcOperations namedParameterJdbcOperations(DataSource dataSource) {
			return new NamedParameterJdbcTemplate(dataSource);
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Override
		protected List<?> userConverters() {
			return List.of(JsonbToString.INSTANCE);
		}

	}

	static FlagOps create(DataSource dataSource) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(DataSource.class, () -> dataSource);
		context.register(Config.class);
		context.refresh();
		FlagRepository flags = context.getBean(FlagRepository.class);
		return new FlagOps() {

			public String name() {
				return "Spring Data JDBC @Query";
			}

			public int get(UUID tenant, String key) {
				return flags.get(tenant, key).map((f) -> 1).orElse(0);
			}

			public int list(UUID tenant) {
				return flags.list(tenant).size();
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				return flags.upsert(tenant, key, enabled, metadata).featureKey().length();
			}

			public void delete(UUID tenant, UUID id) {
				flags.delete(id, tenant);
			}

		};
	}

}
