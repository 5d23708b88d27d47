package dev.dbkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGobject;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Raw pgjdbc, Spring's JdbcClient with a hand-written mapper, and NamedParameterJdbcTemplate with DataClassRowMapper. */
final class SpringJdbcOps {

	private SpringJdbcOps() {
	}

	/** The floor: a PreparedStatement per call, hand-written mapping. */
	static FlagOps raw(DataSource dataSource) {
		return new FlagOps() {

			public String name() {
				return "raw pgjdbc";
			}

			public int get(UUID tenant, String key) {
				try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.GET)) {
					ps.setObject(1, tenant);
					ps.setString(2, key);
					try (ResultSet rs = ps.executeQuery()) {
						return rs.next() ? Sql.map(rs).featureKey().length() : 0;
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}

			public int list(UUID tenant) {
				try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.LIST)) {
					ps.setObject(1, tenant);
					int n = 0;
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							n += Sql.map(rs).featureKey().length();
						}
					}
					return n;
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				// the seed's statement, exactly as the generated code sends it, bound by hand
				try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.SEED_UPSERT)) {
					PGobject json = new PGobject();
					json.setType("jsonb");
					json.setValue(metadata);
					ps.setObject(1, tenant);
					ps.setString(2, key);
					ps.setBoolean(3, enabled);
					ps.setObject(4, json);
					ps.setBoolean(5, enabled);
					ps.setObject(6, json);
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						return Sql.map(rs).featureKey().length();
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}

			public void delete(UUID tenant, UUID id) {
				try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.DELETE)) {
					ps.setObject(1, id);
					ps.setObject(2, tenant);
					ps.executeUpdate();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}

		};
	}

	static FlagOps jdbcClient(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return new FlagOps() {

			public String name() {
				return "JdbcClient + hand-written RowMapper";
			}

			public int get(UUID tenant, String key) {
				return jdbc.sql(Sql.GET).params(tenant, key).query((rs, n) -> Sql.map(rs)).optional().map((f) -> 1)
					.orElse(0);
			}

			public int list(UUID tenant) {
				return jdbc.sql(Sql.LIST).param(tenant).query((rs, n) -> Sql.map(rs)).list().size();
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				return jdbc.sql(Sql.UPSERT)
					.param(1, tenant)
					.param(2, key)
					.param(3, enabled)
					.param(4, metadata, Types.OTHER)
					.query((rs, n) -> Sql.map(rs))
					.single()
					.featureKey()
					.length();
			}

			public void delete(UUID tenant, UUID id) {
				jdbc.sql(Sql.DELETE).params(id, tenant).update();
			}

		};
	}

	static FlagOps namedParameters(DataSource dataSource) {
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
		DataClassRowMapper<Flag> mapper = new DataClassRowMapper<>(Flag.class);
		return new FlagOps() {

			public String name() {
				return "NamedParameterJdbcTemplate + DataClassRowMapper";
			}

			public int get(UUID tenant, String key) {
				List<Flag> flags = jdbc.query(
						"SELECT * FROM feature_flags WHERE tenant_id = :tenantId AND feature_key = :featureKey",
						Map.of("tenantId", tenant, "featureKey", key), mapper);
				return flags.size();
			}

			public int list(UUID tenant) {
				return jdbc.query("SELECT * FROM feature_flags WHERE tenant_id = :tenantId ORDER BY feature_key",
						Map.of("tenantId", tenant), mapper).size();
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				org.springframework.jdbc.core.namedparam.MapSqlParameterSource params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
					.addValue("tenantId", tenant)
					.addValue("featureKey", key)
					.addValue("enabled", enabled)
					.addValue("metadata", metadata, Types.OTHER);
				return jdbc.query("INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) "
						+ "VALUES (:tenantId, :featureKey, :enabled, :metadata) ON CONFLICT (tenant_id, feature_key) "
						+ "DO UPDATE SET is_enabled = EXCLUDED.is_enabled, metadata = EXCLUDED.metadata RETURNING *",
						params, mapper).get(0).featureKey().length();
			}

			public void delete(UUID tenant, UUID id) {
				jdbc.update("DELETE FROM feature_flags WHERE id = :id AND tenant_id = :tenantId",
						Map.of("id", id, "tenantId", tenant));
			}

		};
	}

}
