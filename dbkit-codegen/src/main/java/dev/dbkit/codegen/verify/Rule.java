package dev.dbkit.codegen.verify;

import java.util.Arrays;
import java.util.Locale;

/**
 * The checklist's lines, each with a stable id and a default severity.
 */
public enum Rule {

	/** Every table has {@code tenant_id UUID NOT NULL}, unless it is platform-global. */
	TENANT_COLUMN("tenant-column", Severity.ERROR,
			"Every table has tenant_id NOT NULL, unless it is platform-global."),

	/** Every table has {@code created_at} and {@code updated_at}, NOT NULL with defaults. */
	TIMESTAMPS("timestamps", Severity.ERROR,
			"Every table has created_at and updated_at, NOT NULL with defaults."),

	/** User-facing tables have {@code deleted_at TIMESTAMPTZ}. */
	SOFT_DELETE("soft-delete", Severity.WARNING,
			"User-facing tables have deleted_at TIMESTAMPTZ."),

	/** A query reads a soft-delete table without a {@code deleted_at} condition. */
	SOFT_DELETE_FILTER("soft-delete-filter", Severity.WARNING,
			"A query reads a soft-delete table without a deleted_at condition."),

	/** Every up has a down that restores the schema. */
	REVERSIBLE("reversible", Severity.ERROR,
			"Every up migration has a down migration that restores the schema."),

	/** A tenant-scoped table has an index that starts with {@code tenant_id}. */
	TENANT_INDEX("tenant-index", Severity.ERROR,
			"A tenant-scoped table has an index that starts with tenant_id."),

	/**
	 * A foreign key from a tenant-scoped table to another includes {@code tenant_id}: a row can never point at another
	 * tenant's row, and no cascade crosses tenants.
	 */
	TENANT_FOREIGN_KEY("tenant-foreign-key", Severity.ERROR,
			"A foreign key between tenant-scoped tables includes tenant_id."),

	/**
	 * A tenant-scoped table has row-level security enabled and forced, with a policy on {@code dbkit.tenant_id} for
	 * reads and writes: the database refuses other tenants' rows on its own.
	 */
	ROW_LEVEL_SECURITY("row-level-security", Severity.ERROR,
			"A tenant-scoped table has row-level security enabled and forced, with a policy on dbkit.tenant_id."),

	/**
	 * A materialized view that reads tenant-scoped tables carries {@code tenant_id} or is declared platform-global:
	 * row-level security does not apply to materialized views.
	 */
	MATERIALIZED_VIEW("materialized-view", Severity.ERROR,
			"A materialized view over tenant-scoped tables carries tenant_id or is declared platform-global."),

	/**
	 * No {@code SECURITY DEFINER} function, and no view over tenant-scoped tables without {@code security_invoker},
	 * belongs to a role that bypasses row-level security (a superuser or {@code BYPASSRLS}): it would run every
	 * caller's statement past the policies.
	 */
	RLS_BYPASS("rls-bypass", Severity.ERROR,
			"No SECURITY DEFINER function or view without security_invoker belongs to a role that bypasses row-level security."),

	/**
	 * Distribution readiness: the primary key and unique constraints of a tenant-scoped table include
	 * {@code tenant_id}, which Citus needs to distribute the table by tenant.
	 */
	TENANT_KEYS("tenant-keys", Severity.WARNING,
			"Primary keys and unique constraints of tenant-scoped tables include tenant_id (Citus distribution)."),

	/** Every foreign key has an index that starts with its columns. */
	FOREIGN_KEY_INDEX("foreign-key-index", Severity.WARNING,
			"Every foreign key has an index that starts with its columns."),

	/** Every table with {@code updated_at} has the {@code update_updated_at_column()} trigger. */
	UPDATED_AT_TRIGGER("updated-at-trigger", Severity.ERROR,
			"Every table with updated_at has the updated_at trigger."),

	/** Queries bind {@code tenant_id} (the generator's tenant analysis). */
	TENANT_FILTER("tenant-filter", Severity.ERROR,
			"Every query binds tenant_id from TenantContext (the generator's tenant proof)."),

	/** Generation succeeds. */
	GENERATE("generate", Severity.ERROR,
			"Code generation succeeds."),

	/** Migrate up and down both work. */
	MIGRATE("migrate", Severity.ERROR,
			"Every migration goes up, down and up again.");

	private final String id;

	private final Severity defaultSeverity;

	private final String description;

	Rule(String id, Severity defaultSeverity, String description) {
		this.id = id;
		this.defaultSeverity = defaultSeverity;
		this.description = description;
	}

	public String id() {
		return this.id;
	}

	/** One sentence: what the rule asks for (SARIF's short description). */
	public String description() {
		return this.description;
	}

	public Severity defaultSeverity() {
		return this.defaultSeverity;
	}

	public static Rule byId(String id) {
		return Arrays.stream(values())
			.filter((rule) -> rule.id.equals(id.strip().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown rule '" + id + "': the rules are "
					+ String.join(", ", Arrays.stream(values()).map(Rule::id).toList())));
	}

}
