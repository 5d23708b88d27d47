package dev.dbkit.codegen.analyze;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.parse.Query;

/**
 * What PostgreSQL says about one query.
 *
 * @param query the parsed query
 * @param parameters its parameters, by index
 * @param columns its result columns, in order (empty for statements without a result)
 * @param tenantParameters the indexes of the parameters bound to a tenant column
 * @param modifiedTable the table an INSERT, UPDATE or DELETE writes, if any
 * @param softDeleteUnfiltered the tables with a {@code deleted_at} column that the statement scans without any
 * condition on it
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

	public boolean isTenantScoped() {
		return !this.tenantParameters.isEmpty() && !this.query.crossTenant();
	}

}
