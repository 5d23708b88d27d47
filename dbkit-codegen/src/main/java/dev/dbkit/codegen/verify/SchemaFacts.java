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

	record Column(String name, String type, boolean notNull, boolean hasDefault) {
	}

	record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
	}

	record Trigger(String name, String function, boolean beforeUpdate, boolean forEachRow) {
	}

	/**
	 * A table.
	 *
	 * @param rowSecurity whether row-level security is enabled and forced (so that it binds the owner too)
	 * @param tenantPolicy whether a policy for every command checks reads and writes against
	 * {@code dbkit.tenant_id}
	 */
	record Table(String name, @Nullable String comment, Map<String, Column> columns, List<List<String>> indexes,
			List<ForeignKey> foreignKeys, List<Trigger> triggers, boolean rowSecurity, boolean tenantPolicy) {

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

	/** The ordinary tables of the user schemas, by name, the migration history left out. */
	static Map<String, Table> load(Connection connection, String historyTable) throws SQLException {
		Map<Long, Table> byOid = new LinkedHashMap<>();
		String userTables = "c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
				+ "AND n.nspname NOT LIKE 'pg_toast%' AND c.relname <> '" + historyTable.replace("'", "''") + "'";
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class'), "
					+ "c.relrowsecurity AND c.relforcerowsecurity, EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = "
					+ "c.oid AND p.polcmd = '*' AND p.polpermissive AND pg_get_expr(p.polqual, p.polrelid) LIKE "
					+ "'%dbkit.tenant_id%' AND coalesce(pg_get_expr(p.polwithcheck, p.polrelid), pg_get_expr(p.polqual, "
					+ "p.polrelid)) LIKE '%dbkit.tenant_id%') "
					+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + userTables
					+ " ORDER BY c.relname")) {
				while (rs.next()) {
					byOid.put(rs.getLong(1), new Table(rs.getString(2), rs.getString(3), new LinkedHashMap<>(),
							new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), rs.getBoolean(4), rs.getBoolean(5)));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), "
					+ "a.attnotnull, a.atthasdef FROM pg_attribute a WHERE a.attnum > 0 AND NOT a.attisdropped "
					+ "ORDER BY a.attrelid, a.attnum")) {
				while (rs.next()) {
					Table table = byOid.get(rs.getLong(1));
					if (table != null) {
						table.columns().put(rs.getString(2),
								new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
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
			try (ResultSet rs = statement.executeQuery("SELECT k.conrelid, k.conname, array(SELECT a.attname FROM "
					+ "unnest(k.conkey) WITH ORDINALITY c(attnum, n) JOIN pg_attribute a ON a.attrelid = k.conrelid "
					+ "AND a.attnum = c.attnum ORDER BY c.n), f.relname, array(SELECT a.attname FROM "
					+ "unnest(k.confkey) WITH ORDINALITY c(attnum, n) JOIN pg_attribute a ON a.attrelid = k.confrelid "
					+ "AND a.attnum = c.attnum ORDER BY c.n) FROM pg_constraint k "
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
		return byName;
	}

	private static List<String> strings(Array array) throws SQLException {
		return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
	}

}
