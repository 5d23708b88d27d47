package dev.dbkit.codegen.verify;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The catalog facts the checklist needs, per table: columns, indexes (column order), foreign keys, triggers and the
 * table's comment.
 */
final class SchemaFacts {

	/** A column; {@code inexactCollation}: its collation when that calls different values equal, else null. */
	record Column(String name, String type, boolean notNull, boolean hasDefault, @Nullable String inexactCollation) {
	}

	record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
	}

	record Trigger(String name, String function, boolean beforeUpdate, boolean forEachRow) {
	}

	/** A primary key or unique constraint (or unique index). */
	record Key(String name, List<String> columns, boolean primary) {
	}

	/**
	 * A view or materialized view.
	 *
	 * @param reads the tables and views its definition reads directly
	 * @param securityInvoker whether it runs with its caller's rights ({@code security_invoker}) rather than its
	 * owner's
	 * @param ownerBypassesRls whether its owner is a superuser or has {@code BYPASSRLS}
	 */
	record View(String name, boolean materialized, @Nullable String comment, List<String> columns, List<String> reads,
			boolean securityInvoker, String owner, boolean ownerBypassesRls) {

		boolean commentSays(String marker) {
			return this.comment != null && this.comment.contains(marker);
		}

	}

	/** A {@code SECURITY DEFINER} function and its owner. */
	record DefinerFunction(String name, String signature, String owner, boolean ownerBypassesRls) {
	}

	/** What {@link #load} reads besides the tables. */
	record Facts(Map<String, Table> tables, List<View> views, List<DefinerFunction> definers) {
	}

	/**
	 * A table.
	 *
	 * @param rowSecurity whether row-level security is enabled and forced (so that it binds the owner too)
	 * @param permissivePolicies the names of its permissive policies, which PostgreSQL combines with {@code OR}
	 * @param tenantPolicy whether a policy for every command checks reads and writes against
	 * {@code dbkit.tenant_id}
	 */
	record Table(String name, @Nullable String comment, Map<String, Column> columns, List<List<String>> indexes,
			List<Key> keys, List<ForeignKey> foreignKeys, List<Trigger> triggers, boolean rowSecurity,
			boolean tenantPolicy, List<String> permissivePolicies) {

		Optional<Column> column(String name) {
			return Optional.ofNullable(this.columns.get(name));
		}

		boolean hasIndexStartingWith(List<String> columns) {
			return this.indexes.stream()
				.anyMatch((index) -> index.size() >= columns.size() && index.subList(0, columns.size()).equals(columns));
		}

		boolean commentSays(String marker) {
			return this.comment != null && this.comment.contains(marker);
		}

	}

	private SchemaFacts() {
	}

	/**
	 * The ordinary tables of the user schemas, by name, the migration history left out; their views and
	 * materialized views; and the {@code SECURITY DEFINER} functions.
	 */
	/**
	 * dbkit's policy condition as this server deparses it (read back from a policy on a temporary table), so that
	 * a table's policy can be compared with it exactly: a policy that only mentions {@code dbkit.tenant_id} may
	 * compare under another collation, cast to a type that rounds, or accept rows of every tenant.
	 */
	static String expectedPolicy(Connection connection, String tenantColumn, String sqlType) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMPORARY TABLE dbkit_policy_probe (" + tenantColumn + " " + sqlType + ")");
			try {
				statement.execute("CREATE POLICY probe ON pg_temp.dbkit_policy_probe USING ("
						+ dev.dbkit.tenant.RowLevelSecurity.condition(tenantColumn, sqlType) + ")");
				try (ResultSet rs = statement.executeQuery("SELECT pg_get_expr(polqual, polrelid) FROM pg_policy "
						+ "WHERE polrelid = 'pg_temp.dbkit_policy_probe'::regclass")) {
					rs.next();
					return rs.getString(1);
				}
			}
			finally {
				statement.execute("DROP TABLE pg_temp.dbkit_policy_probe");
			}
		}
	}

	/** A rule (not a view's) on a table whose owner bypasses row-level security: it runs with the owner's rights. */
	record BypassingRule(String table, String rule, String owner) {
	}

	static List<BypassingRule> bypassingRules(Connection connection) throws SQLException {
		List<BypassingRule> rules = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT c.relname, r.rulename, pg_get_userbyid(c.relowner) FROM "
						+ "pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = "
						+ "c.relnamespace WHERE r.rulename <> '_RETURN' AND n.nspname NOT IN ('pg_catalog', "
						+ "'information_schema') AND " + BYPASSES_RLS.formatted("c.relowner") + " ORDER BY 1, 2")) {
			while (rs.next()) {
				rules.add(new BypassingRule(rs.getString(1), rs.getString(2), rs.getString(3)));
			}
		}
		return rules;
	}

	/** Inheritance and partitions: each child table's name with its parent's. */
	static List<String[]> children(Connection connection) throws SQLException {
		List<String[]> children = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT p.relname, c.relname FROM pg_inherits i JOIN pg_class p "
						+ "ON p.oid = i.inhparent JOIN pg_class c ON c.oid = i.inhrelid WHERE p.relkind IN ('r', 'p') "
						+ "ORDER BY 1, 2")) {
			while (rs.next()) {
				children.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		return children;
	}

	static Facts load(Connection connection, String historyTable, String expectedPolicy) throws SQLException {
		String policy = "'" + expectedPolicy.replace("'", "''") + "'";
		Map<Long, Table> byOid = new LinkedHashMap<>();
		String userTables = "c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
				+ "AND n.nspname NOT LIKE 'pg_toast%' AND c.relname <> '" + historyTable.replace("'", "''") + "'";
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class'), "
					+ "c.relrowsecurity AND c.relforcerowsecurity, EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = "
					+ "c.oid AND p.polcmd = '*' AND p.polpermissive AND pg_get_expr(p.polqual, p.polrelid) = "
					+ policy + " AND coalesce(pg_get_expr(p.polwithcheck, p.polrelid), pg_get_expr(p.polqual, "
					+ "p.polrelid)) = " + policy + "), array(SELECT p.polname FROM pg_policy p WHERE p.polrelid = "
					+ "c.oid AND p.polpermissive ORDER BY p.polname)::text[] "
					+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + userTables
					+ " ORDER BY c.relname")) {
				while (rs.next()) {
					byOid.put(rs.getLong(1), new Table(rs.getString(2), rs.getString(3), new LinkedHashMap<>(),
							new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), rs.getBoolean(4),
							rs.getBoolean(5), strings(rs.getArray(6))));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), "
					+ "a.attnotnull, a.atthasdef, (SELECT c.collname FROM pg_collation c WHERE c.oid = a.attcollation AND NOT "
					+ "c.collisdeterministic) FROM pg_attribute a WHERE a.attnum > 0 AND NOT a.attisdropped "
					+ "ORDER BY a.attrelid, a.attnum")) {
				while (rs.next()) {
					Table table = byOid.get(rs.getLong(1));
					if (table != null) {
						table.columns().put(rs.getString(2),
								new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
										rs.getString(6)));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT i.indrelid, array(SELECT a.attname FROM "
					+ "unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = i.indrelid "
					+ "AND a.attnum = k.attnum ORDER BY k.n) FROM pg_index i")) {
				while (rs.next()) {
					Table table = byOid.get(rs.getLong(1));
					if (table != null) {
						table.indexes().add(strings(rs.getArray(2)));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT i.indrelid, ic.relname, i.indisprimary, array(SELECT "
					+ "a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = "
					+ "i.indrelid AND a.attnum = k.attnum ORDER BY k.n) FROM pg_index i JOIN pg_class ic ON ic.oid = "
					+ "i.indexrelid WHERE i.indisunique ORDER BY ic.relname")) {
				while (rs.next()) {
					Table table = byOid.get(rs.getLong(1));
					if (table != null) {
						table.keys().add(new Key(rs.getString(2), strings(rs.getArray(4)), rs.getBoolean(3)));
					}
				}
			}
			// a column pair compared with an inexact equality (bpchar_ops: trailing blanks ignored) does not count
			String exact = " AND (SELECT o.oprcode::regproc::text FROM pg_operator o WHERE o.oid = k.conpfeqop[c.n]) "
					+ "IN (" + dev.dbkit.codegen.tenancy.TenancyFacts.EXACT_EQUALITY_FUNCTIONS + ")";
			try (ResultSet rs = statement.executeQuery("SELECT k.conrelid, k.conname, array(SELECT a.attname FROM "
					+ "unnest(k.conkey) WITH ORDINALITY c(attnum, n) JOIN pg_attribute a ON a.attrelid = k.conrelid "
					+ "AND a.attnum = c.attnum" + exact + " ORDER BY c.n), f.relname, array(SELECT a.attname FROM "
					+ "unnest(k.confkey) WITH ORDINALITY c(attnum, n) JOIN pg_attribute a ON a.attrelid = k.confrelid "
					+ "AND a.attnum = c.attnum" + exact + " ORDER BY c.n) FROM pg_constraint k "
					+ "JOIN pg_class f ON f.oid = k.confrelid WHERE k.contype = 'f' ORDER BY k.conname")) {
				while (rs.next()) {
					Table table = byOid.get(rs.getLong(1));
					if (table != null) {
						table.foreignKeys().add(new ForeignKey(rs.getString(2), strings(rs.getArray(3)), rs.getString(4),
								strings(rs.getArray(5))));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT t.tgrelid, t.tgname, p.proname, "
					+ "(t.tgtype & 2) <> 0 AND (t.tgtype & 16) <> 0, (t.tgtype & 1) <> 0 FROM pg_trigger t "
					+ "JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal")) {
				while (rs.next()) {
					Table table = byOid.get(rs.getLong(1));
					if (table != null) {
						table.triggers().add(new Trigger(rs.getString(2), rs.getString(3), rs.getBoolean(4),
								rs.getBoolean(5)));
					}
				}
			}
		}
		Map<String, Table> byName = new LinkedHashMap<>();
		byOid.values().forEach((table) -> byName.put(table.name(), table));
		return new Facts(byName, views(connection), definers(connection));
	}

	private static final String BYPASSES_RLS = "(SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.oid = %s)";

	private static List<View> views(Connection connection) throws SQLException {
		List<View> views = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
				"SELECT v.relname, v.relkind = 'm', obj_description(v.oid, 'pg_class'), array(SELECT a.attname FROM "
						+ "pg_attribute a WHERE a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY "
						+ "a.attnum)::text[], array(SELECT DISTINCT t.relname FROM pg_rewrite r JOIN pg_depend d ON "
						+ "d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass "
						+ "JOIN pg_class t ON t.oid = d.refobjid WHERE r.ev_class = v.oid AND t.oid <> v.oid ORDER BY "
						+ "t.relname)::text[], coalesce(v.reloptions::text[] && ARRAY['security_invoker=true', "
						+ "'security_invoker=on', 'security_invoker=1'], false), pg_get_userbyid(v.relowner), "
						+ BYPASSES_RLS.formatted("v.relowner") + " FROM pg_class v JOIN pg_namespace n ON n.oid = "
						+ "v.relnamespace WHERE v.relkind IN ('v', 'm') AND n.nspname NOT IN ('pg_catalog', "
						+ "'information_schema') ORDER BY v.relname")) {
			while (rs.next()) {
				views.add(new View(rs.getString(1), rs.getBoolean(2), rs.getString(3), strings(rs.getArray(4)),
						strings(rs.getArray(5)), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8)));
			}
		}
		return views;
	}

	private static List<DefinerFunction> definers(Connection connection) throws SQLException {
		List<DefinerFunction> functions = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
				"SELECT p.proname, p.oid::regprocedure::text, pg_get_userbyid(p.proowner), "
						+ BYPASSES_RLS.formatted("p.proowner") + " FROM pg_proc p JOIN pg_namespace n ON n.oid = "
						+ "p.pronamespace WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
						+ "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') "
						+ "ORDER BY 2")) {
			while (rs.next()) {
				functions.add(new DefinerFunction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
			}
		}
		return functions;
	}

	private static List<String> strings(Array array) throws SQLException {
		return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
	}

}
