package dev.dbkit.benchmarks;

import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/** jOOQ's DSL without code generation: tables and fields by name. */
final class JooqOps {

	private static final Table<Record> FLAGS = DSL.table(DSL.name("feature_flags"));

	private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);

	private static final Field<UUID> TENANT = DSL.field(DSL.name("tenant_id"), SQLDataType.UUID);

	private static final Field<String> KEY = DSL.field(DSL.name("feature_key"), SQLDataType.VARCHAR);

	private static final Field<Boolean> ENABLED = DSL.field(DSL.name("is_enabled"), SQLDataType.BOOLEAN);

	private static final Field<JSONB> METADATA = DSL.field(DSL.name("metadata"), SQLDataType.JSONB);

	private static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("created_at"),
			SQLDataType.TIMESTAMPWITHTIMEZONE);

	private static final Field<OffsetDateTime> UPDATED = DSL.field(DSL.name("updated_at"),
			SQLDataType.TIMESTAMPWITHTIMEZONE);

	private JooqOps() {
	}

	static FlagOps create(DataSource dataSource) {
		DSLContext jooq = DSL.using(dataSource, SQLDialect.POSTGRES);
		return new FlagOps() {

			public String name() {
				return "jOOQ (no code generation)";
			}

			public int get(UUID tenant, String key) {
				return jooq.select(ID, TENANT, KEY, ENABLED, METADATA, CREATED, UPDATED)
					.from(FLAGS)
					.where(TENANT.eq(tenant).and(KEY.eq(key)))
					.fetchOptional(JooqOps::map)
					.map((f) -> 1)
					.orElse(0);
			}

			public int list(UUID tenant) {
				return jooq.select(ID, TENANT, KEY, ENABLED, METADATA, CREATED, UPDATED)
					.from(FLAGS)
					.where(TENANT.eq(tenant))
					.orderBy(KEY)
					.fetch(JooqOps::map)
					.size();
			}

			public int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata) {
				JSONB json = (metadata != null) ? JSONB.valueOf(metadata) : null;
				return map(jooq.insertInto(FLAGS, TENANT, KEY, ENABLED, METADATA)
					.values(tenant, key, enabled, json)
					.onConflict(TENANT, KEY)
					.doUpdate()
					.set(ENABLED, enabled)
					.set(METADATA, json)
					.returning(ID, TENANT, KEY, ENABLED, METADATA, CREATED, UPDATED)
					.fetchOne()).featureKey().length();
			}

			public void delete(UUID tenant, UUID id) {
				jooq.deleteFrom(FLAGS).where(ID.eq(id).and(TENANT.eq(tenant))).execute();
			}

		};
	}

	private static Flag map(Record r) {
		JSONB metadata = r.get(METADATA);
		return new Flag(r.get(ID), r.get(TENANT), r.get(KEY), r.get(ENABLED), (metadata != null) ? metadata.data() : null,
				r.get(CREATED), r.get(UPDATED));
	}

}
