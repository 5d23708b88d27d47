package dev.dbkit.benchmarks;

import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.Configuration;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** JPA with Hibernate: an entity, HQL for reads and the delete, a native upsert ... RETURNING mapped to the entity. */
final class HibernateOps {

	private HibernateOps() {
	}

	/** The feature_flags row as a JPA entity. */
	@Entity(name = "FlagEntity")
	@Table(name = "feature_flags")
	public static class FlagEntity {

		@Id
		UUID id;

		@Column(name = "tenant_id")
		UUID tenantId;

		@Column(name = "feature_key")
		String featureKey;

		@Column(name = "is_enabled")
		boolean enabled;

		@JdbcTypeCode(SqlTypes.JSON)
		@Nullable String metadata;

		@Column(name = "created_at")
		OffsetDateTime createdAt;

		@Column(name = "updated_at")
		OffsetDateTime updatedAt;

	}

	static FlagOps create(DataSource dataSource) {
		Configuration configuration = new Configuration().addAnnotatedClass(FlagEntity.class)
			.setProperty("hibernate.show_sql", "false")
			.setProperty("hibernate.hbm2ddl.auto", "none");
		configuration.getProperties().put("hibernate.connection.datasource", dataSource);
		SessionFactory sessions = configuration.buildSessionFactory();
		return new FlagOps() {

			public String name() {
				return "JPA (Hibernate)";
			}

			public int get(UUID tenant, String key) {
				return sessions.fromTransaction((session) -> session
					.createSelectionQuery("from FlagEntity where tenantId = :tenant and featureKey = :key",
							FlagEntity.class)
					.setParameter("tenant", tenant)
					.setParameter("key", key)
					.uniqueResultOptional()
					.map((f) -> 1)
					.orElse(0));
			}

			public int list(UUID tenant) {
				return sessions.fromTransaction((session) -> session
					.createSelectionQuery("from FlagEntity where tenantId = :tenant order by featureKey", FlagEntity.class)
					.setParameter("tenant", tenant)
					.getResultList()
					.size());
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				return sessions.fromTransaction((session) -> session
					.createNativeQuery("INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) "
							+ "VALUES (:tenant, :key, :enabled, CAST(:metadata AS jsonb)) "
							+ "ON CONFLICT (tenant_id, feature_key) DO UPDATE SET is_enabled = EXCLUDED.is_enabled, "
							+ "metadata = EXCLUDED.metadata RETURNING *", FlagEntity.class)
					.setParameter("tenant", tenant)
					.setParameter("key", key)
					.setParameter("enabled", enabled)
					.setParameter("metadata", metadata, String.class)
					.getSingleResult().featureKey.length());
			}

			public void delete(UUID tenant, UUID id) {
				sessions.inTransaction((session) -> session
					.createMutationQuery("delete from FlagEntity where id = :id and tenantId = :tenant")
					.setParameter("id", id)
					.setParameter("tenant", tenant)
					.executeUpdate());
			}

		};
	}

}
