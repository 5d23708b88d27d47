package dev.dbkit.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The seed's statements as the hand-written alternatives send them, and the hand-written row mapping. */
final class Sql {

	static final String GET = "SELECT * FROM feature_flags WHERE tenant_id = ? AND feature_key = ?";

	static final String LIST = "SELECT * FROM feature_flags WHERE tenant_id = ? ORDER BY feature_key";

	static final String UPSERT = "INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) "
			+ "VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, feature_key) "
			+ "DO UPDATE SET is_enabled = EXCLUDED.is_enabled, metadata = EXCLUDED.metadata RETURNING *";

	/** The seed's upsert as written in its query file, with JDBC placeholders. */
	static final String SEED_UPSERT = "INSERT INTO feature_flags (tenant_id, feature_key, is_enabled, metadata) "
			+ "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, feature_key) DO UPDATE SET is_enabled = ?, metadata = ? "
			+ "RETURNING *";

	static final String DELETE = "DELETE FROM feature_flags WHERE id = ? AND tenant_id = ?";

	private Sql() {
	}

	static Flag map(ResultSet rs) throws SQLException {
		return new Flag(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4),
				rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
	}

}
