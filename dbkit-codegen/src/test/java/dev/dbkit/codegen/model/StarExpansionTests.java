package dev.dbkit.codegen.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dbkit.codegen.analyze.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

class StarExpansionTests {

	private static final Catalog.Table FLAGS = new Catalog.Table(1, "public", "feature_flags",
			List.of(new Catalog.Column(1, "id", 2950, true), new Catalog.Column(2, "tenant_id", 2950, true),
					new Catalog.Column(3, "order", 25, false)));

	@Test
	void aTopLevelStarOfOneTableBecomesItsColumnsQuoted() {
		assertThat(StarExpansion.expand("SELECT * FROM feature_flags WHERE tenant_id = ?", FLAGS))
			.isEqualTo("SELECT \"id\", \"tenant_id\", \"order\" FROM feature_flags WHERE tenant_id = ?");
		assertThat(StarExpansion.expand("SELECT DISTINCT * FROM feature_flags", FLAGS))
			.isEqualTo("SELECT DISTINCT \"id\", \"tenant_id\", \"order\" FROM feature_flags");
		assertThat(StarExpansion.expand("UPDATE feature_flags SET x = 1 WHERE id = ? RETURNING *", FLAGS))
			.isEqualTo("UPDATE feature_flags SET x = 1 WHERE id = ? RETURNING \"id\", \"tenant_id\", \"order\"");
		assertThat(StarExpansion.expand("SELECT /* all */ * -- of it\nFROM feature_flags", FLAGS))
			.isEqualTo("SELECT /* all */ \"id\", \"tenant_id\", \"order\" -- of it\nFROM feature_flags");
	}

	@Test
	void otherStarsAreLeftAsWritten() {
		for (String sql : List.of("SELECT *, 1 AS one FROM feature_flags", "SELECT f.* FROM feature_flags f",
				"SELECT count(*) FROM feature_flags", "SELECT id * 2 FROM feature_flags",
				"SELECT * FROM feature_flags UNION ALL SELECT * FROM feature_flags",
				"SELECT '*' FROM feature_flags", "SELECT (SELECT * FROM feature_flags LIMIT 1)")) {
			assertThat(StarExpansion.expand(sql, FLAGS)).as(sql).isEqualTo(sql);
		}
		assertThat(StarExpansion.expand("SELECT * FROM feature_flags", null)).isEqualTo("SELECT * FROM feature_flags");
	}

}
