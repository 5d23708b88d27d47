package dev.dbkit.codegen.analyze;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the analysis needs of the database's catalog: tables with their columns, types and enum labels.
 */
public final class Catalog {

	/** A column. */
	public record Column(int attnum, String name, long typeOid, boolean notNull) {
	}

	/** A table (or view). */
	public record Table(long oid, String schema, String name, List<Column> columns) {

		public Optional<Column> column(String columnName) {
			return this.columns.stream().filter((c) -> c.name().equals(columnName)).findFirst();
		}

		public Optional<Column> attnum(int attnum) {
			return this.columns.stream().filter((c) -> c.attnum() == attnum).findFirst();
		}

	}

	/**
	 * A type.
	 *
	 * @param oid its OID
	 * @param name its name ({@code int4}, {@code _uuid}, {@code project_status})
	 * @param schema its schema
	 * @param kind {@code b} base, {@code e} enum, {@code d} domain, ...
	 * @param elementOid the element type of an array type, else 0
	 * @param baseOid the base type of a domain, else 0
	 */
	public record Type(long oid, String name, String schema, char kind, long elementOid, long baseOid) {

		public boolean isArray() {
			return this.elementOid != 0 && this.name.startsWith("_");
		}

	}

	private final Map<String, Table> tablesByName = new LinkedHashMap<>();

	private final Map<Long, Type> types = new HashMap<>();

	private final Map<Long, List<String>> enumLabels = new LinkedHashMap<>();

	private Catalog() {
	}

	public static Catalog load(Connection connection) throws SQLException {
		Catalog catalog = new Catalog();
		Map<Long, Table> byOid = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT c.oid, n.nspname, c.relname FROM pg_class c "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
					+ "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
					+ "ORDER BY n.nspname, c.relname")) {
				while (rs.next()) {
					byOid.put(rs.getLong(1), new Table(rs.getLong(1), rs.getString(2), rs.getString(3), new ArrayList<>()));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.attnotnull "
					+ "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
					+ "AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY a.attrelid, a.attnum")) {
				while (rs.next()) {
					Table table = byOid.get(rs.getLong(1));
					if (table != null) {
						table.columns().add(new Column(rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT t.oid, t.typname, n.nspname, t.typtype, t.typelem, "
					+ "t.typbasetype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace")) {
				while (rs.next()) {
					catalog.types.put(rs.getLong(1), new Type(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4).charAt(0), rs.getLong(5), rs.getLong(6)));
				}
			}
			try (ResultSet rs = statement
				.executeQuery("SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder")) {
				while (rs.next()) {
					catalog.enumLabels.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				}
			}
		}
		for (Table table : byOid.values()) {
			catalog.tablesByName.putIfAbsent(table.name(), table);
			catalog.tablesByName.put(table.schema() + "." + table.name(), table);
		}
		return catalog;
	}

	/** A table by name, optionally schema-qualified. */
	public @Nullable Table table(@Nullable String schema, String name) {
		return (schema != null) ? this.tablesByName.getOrDefault(schema + "." + name, this.tablesByName.get(name))
				: this.tablesByName.get(name);
	}

	public @Nullable Type type(long oid) {
		return this.types.get(oid);
	}

	public List<String> enumLabels(long typeOid) {
		return this.enumLabels.getOrDefault(typeOid, List.of());
	}

}
