package dev.dbkit.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The user-visible schema of a database, read from the catalog as sorted lines: tables, columns with type, default
 * and nullability, constraints, indexes, triggers, functions, enum types, views, sequences and row-level security
 * policies. Two snapshots are equal when the schemas are.
 *
 * @param lines one line per object, such as {@code column public.tenants.name text NOT NULL}
 */
public record SchemaSnapshot(List<String> lines) {

	private static final String USER_SCHEMAS = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

	private static final String[] QUERIES = {
			// tables, views and sequences
			"SELECT CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'p' THEN 'table ' WHEN 'v' THEN 'view ' "
					+ "WHEN 'm' THEN 'materialized view ' ELSE 'sequence ' END || n.nspname || '.' || c.relname "
					+ "|| CASE WHEN c.relkind IN ('v', 'm') THEN ' AS ' || pg_get_viewdef(c.oid) ELSE '' END "
					+ "|| CASE WHEN c.relrowsecurity THEN ' ROW LEVEL SECURITY' ELSE '' END "
					+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname " + USER_SCHEMAS
					+ " AND c.relname <> ALL (?)",
			// columns
			"SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' "
					+ "|| format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END "
					+ "|| COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') "
					+ "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
					+ "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') "
					+ "AND n.nspname " + USER_SCHEMAS + " AND c.relname <> ALL (?)",
			// constraints
			"SELECT 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname || ' ' "
					+ "|| pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname " + USER_SCHEMAS
					+ " AND c.relname <> ALL (?)",
			// indexes
			"SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname " + USER_SCHEMAS
					+ " AND c.relname <> ALL (?)",
			// triggers
			"SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname "
					+ USER_SCHEMAS + " AND c.relname <> ALL (?)",
			// functions and procedures that no extension owns
			"SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
					+ "WHERE n.nspname " + USER_SCHEMAS + " AND p.prokind IN ('f', 'p') AND NOT EXISTS "
					+ "(SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') AND cardinality(?::text[]) >= 0",
			// enum types
			"SELECT 'enum ' || n.nspname || '.' || t.typname || ' (' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) "
					+ "|| ')' FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace "
					+ "WHERE n.nspname " + USER_SCHEMAS + " AND cardinality(?::text[]) >= 0 GROUP BY n.nspname, t.typname",
			// row-level security policies
			"SELECT 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || cmd || ' ' "
					+ "|| array_to_string(roles, ',') || COALESCE(' USING ' || qual, '') "
					+ "|| COALESCE(' WITH CHECK ' || with_check, '') FROM pg_policies WHERE schemaname " + USER_SCHEMAS
					+ " AND tablename <> ALL (?)",
			// extensions
			"SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql' AND cardinality(?::text[]) >= 0",
			// the database's own defaults (ALTER DATABASE ... SET), which every later session starts with
			"SELECT 'database setting ' || unnest(s.setconfig) FROM pg_db_role_setting s JOIN pg_database d "
					+ "ON d.oid = s.setdatabase WHERE d.datname = current_database() AND s.setrole = 0 "
					+ "AND cardinality(?::text[]) >= 0" };

	/**
	 * Reads the schema of the connection's database.
	 * @param ignoredTables tables left out, with their columns, constraints, indexes and triggers (such as the
	 * migration history table)
	 */
	public static SchemaSnapshot take(Connection connection, Collection<String> ignoredTables) throws SQLException {
		TreeSet<String> lines = new TreeSet<>();
		for (String query : QUERIES) {
			try (PreparedStatement statement = connection.prepareStatement(query)) {
				statement.setArray(1, connection.createArrayOf("text", ignoredTables.toArray()));
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						lines.add(rs.getString(1));
					}
				}
			}
		}
		return new SchemaSnapshot(new ArrayList<>(lines));
	}

	/**
	 * The first line that differs from {@code other}, described as what this snapshot has that the other lacks or
	 * the reverse; empty when the two are equal.
	 */
	public Optional<String> firstDifference(SchemaSnapshot other) {
		TreeSet<String> onlyHere = new TreeSet<>(this.lines);
		onlyHere.removeAll(other.lines);
		TreeSet<String> onlyThere = new TreeSet<>(other.lines);
		onlyThere.removeAll(this.lines);
		if (onlyHere.isEmpty() && onlyThere.isEmpty()) {
			return Optional.empty();
		}
		if (onlyThere.isEmpty() || (!onlyHere.isEmpty() && onlyHere.first().compareTo(onlyThere.first()) < 0)) {
			return Optional.of("only in the first: " + onlyHere.first());
		}
		return Optional.of("only in the second: " + onlyThere.first());
	}

}
