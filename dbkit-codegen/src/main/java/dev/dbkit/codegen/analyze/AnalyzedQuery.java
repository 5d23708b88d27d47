package dev.dbkit.codegen.analyze;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.parse.Query;

/**
 * What the analysis compiled of one query, once, for the emitter and for {@code dbkit:verify} alike: what PostgreSQL
 * says of its types and nullability, what the tenant proof decided, and the lint facts. Problems are not here:
 * they are coded {@link dev.dbkit.codegen.Diagnostic}s, and a query with any is not compiled.
 *
 * @param query the parsed query
 * @param parameters its parameters, by index
 * @param columns its result columns, in order (empty for statements without a result)
 * @param tenantParameters the indexes of the parameters bound to a tenant column
 * @param modifiedTable the table an INSERT, UPDATE or DELETE writes, if any
 * @param softDeleteUnfiltered lint facts: the tables with a {@code deleted_at} column that the statement scans
 * without any condition on it ({@link dev.dbkit.codegen.lint.SoftDeleteFilterRule})
 */
public record AnalyzedQuery(Query query, List<Parameter> parameters, List<Column> columns,
		Set<Integer> tenantParameters, Catalog.@Nullable Table modifiedTable, List<String> softDeleteUnfiltered) {

	/**
	 * A parameter.
	 *
	 * @param index its {@code $n}
	 * @param typeOid its type as PostgreSQL inferred it
	 * @param insertedColumn the column of {@code modifiedTable} an INSERT writes it into, if any
	 */
	public record Parameter(int index, long typeOid, Catalog.@Nullable Column insertedColumn) {
	}

	/**
	 * A result column.
	 *
	 * @param label its name in the result, as written (with a {@code !} or {@code ?} nullability suffix if any)
	 * @param typeOid its type
	 * @param nonNull whether it can never be null
	 * @param table the table it comes from unchanged, if it does
	 * @param attnum its column number in that table
	 */
	public record Column(String label, long typeOid, boolean nonNull, Catalog.@Nullable Table table, int attnum) {
	}

	/** How a query relates to tenants, as the tenant proof decided. */
	public sealed interface Tenancy permits Scoped, CrossTenant, Unscoped {
	}

	/**
	 * Proved to touch only the current tenant's rows.
	 *
	 * @param parameters the {@code $n} bound from {@code TenantContext}
	 */
	public record Scoped(Set<Integer> parameters) implements Tenancy {
	}

	/** Marked {@code -- dbkit:cross-tenant}: not proved, every parameter explicit. */
	public record CrossTenant() implements Tenancy {
	}

	/** Touches no tenant data (global tables only, or no table). */
	public record Unscoped() implements Tenancy {
	}

	public Tenancy tenancy() {
		if (this.query.crossTenant()) {
			return new CrossTenant();
		}
		return this.tenantParameters.isEmpty() ? new Unscoped() : new Scoped(Set.copyOf(this.tenantParameters));
	}

}
