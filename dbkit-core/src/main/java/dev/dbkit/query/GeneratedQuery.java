package dev.dbkit.query;

/**
 * A statement of a query file, as generated code holds it.
 *
 * @param name the query's name, such as {@code GetFeatureFlag}
 * @param file the query file, such as {@code db/queries/feature_flags.sql}
 * @param line the line of its {@code -- name:} header
 * @param sql the statement with JDBC {@code ?} placeholders
 * @param tenantScoped whether the statement is bound to the current tenant
 */
public record GeneratedQuery(String name, String file, int line, String sql, boolean tenantScoped) {

	@Override
	public String toString() {
		return this.name + " (" + this.file + ":" + this.line + ")";
	}

}
