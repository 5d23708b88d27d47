package dev.dbkit.codegen.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the tenant proof needs to know of the schema, read from the catalogs of the analysis database: every
 * relation and what kind of tenancy it has, the foreign keys, the key columns of every index, every function and the
 * equality operators.
 */
public final class TenancyFacts {

	/** The first OID PostgreSQL gives to objects created after {@code initdb}: below it everything is built in. */
	static final long FIRST_NORMAL_OBJECT_ID = 16384;

	/** How a relation relates to tenants. */
	public enum Kind {

		/** has the tenant column: every row read or written must be the current tenant's */
		TENANT,
		/** declared platform-wide (the table tenant columns reference, configuration, {@code dbkit:global}) */
		GLOBAL,
		/** no tenant column and no reference to tenant data: lookup data such as countries */
		UNSCOPED,
		/** no tenant column, but its rows belong to a tenant through a foreign key */
		CHILD,
		/** a materialized view or foreign table without the tenant column: what its rows come from is not visible */
		OPAQUE,
		/** a system catalog or statistics view: describes every tenant's data */
		SYSTEM

	}

	/** A relation. */
	public record Relation(long oid, String schema, String name, char relkind, int tenantAttno, Kind kind,
			List<String> columns) {

		public String column(int attno) {
			return (attno >= 1 && attno <= this.columns.size()) ? this.columns.get(attno - 1) : "#" + attno;
		}

	}

	/**
	 * A foreign key.
	 *
	 * @param table the referencing table
	 * @param columns its columns (attnos)
	 * @param referenced the referenced table
	 * @param referencedColumns the referenced columns, pairwise
	 */
	public record ForeignKey(long table, List<Integer> columns, long referenced, List<Integer> referencedColumns) {
	}

	/** A function: its name, schema and the extension it belongs to, if any. */
	public record Function(long oid, String schema, String name, @Nullable String extension) {
	}

	private final Map<Long, Relation> relations;

	private final List<ForeignKey> foreignKeys;

	private final Map<Long, List<Integer>> indexKeys;

	private final Map<Long, Function> functions;

	private final Set<Long> equalityOperators;

	private final Map<Long, Long> operatorFunctions;

	private final Map<Long, List<Integer>> indexColumns;

	TenancyFacts(Map<Long, Relation> relations, List<ForeignKey> foreignKeys, Map<Long, List<Integer>> indexKeys,
			Map<Long, Function> functions, Set<Long> equalityOperators) {
		this(relations, foreignKeys, indexKeys, indexKeys, functions, equalityOperators, Map.of());
	}

	TenancyFacts(Map<Long, Relation> relations, List<ForeignKey> foreignKeys, Map<Long, List<Integer>> indexKeys,
			Map<Long, List<Integer>> indexColumns, Map<Long, Function> functions, Set<Long> equalityOperators,
			Map<Long, Long> operatorFunctions) {
		this.relations = relations;
		this.foreignKeys = foreignKeys;
		this.indexKeys = indexKeys;
		this.indexColumns = indexColumns;
		this.functions = functions;
		this.equalityOperators = equalityOperators;
		this.operatorFunctions = operatorFunctions;
	}

	/**
	 * Reads the facts of the connected database.
	 * @param tenantColumn the column that makes a table tenant-scoped
	 * @param globalTables tables declared platform-global in the configuration
	 */
	public static TenancyFacts load(Connection connection, String tenantColumn, Set<String> globalTables)
			throws SQLException {
		record Raw(long oid, String schema, String name, char relkind, @Nullable String comment, List<String> columns) {
		}
		Map<Long, Raw> raw = new HashMap<>();
		List<ForeignKey> foreignKeys = new ArrayList<>();
		Map<Long, List<Integer>> indexKeys = new HashMap<>();
		Map<Long, List<Integer>> indexColumns = new HashMap<>();
		Map<Long, Function> functions = new HashMap<>();
		Set<Long> equalities = new HashSet<>();
		Map<Long, Long> operatorFunctions = new HashMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT c.oid, n.nspname, c.relname, c.relkind, "
					+ "obj_description(c.oid, 'pg_class'), array(SELECT CASE WHEN a.attisdropped THEN '' ELSE "
					+ "a.attname::text END FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
					+ "ORDER BY a.attnum) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
				while (rs.next()) {
					List<String> columns = new ArrayList<>();
					for (Object column : (Object[]) rs.getArray(6).getArray()) {
						columns.add((String) column);
					}
					raw.put(rs.getLong(1), new Raw(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4).charAt(0), rs.getString(5), columns));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT conrelid, conkey, confrelid, confkey FROM pg_constraint "
					+ "WHERE contype = 'f' ORDER BY oid")) {
				while (rs.next()) {
					foreignKeys.add(new ForeignKey(rs.getLong(1), ints(rs.getArray(2)), rs.getLong(3),
							ints(rs.getArray(4))));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT indexrelid, array(SELECT i.indkey[k] FROM "
					+ "generate_series(0, i.indnkeyatts - 1) k), array(SELECT i.indkey[k] FROM "
					+ "generate_series(0, i.indnatts - 1) k) FROM pg_index i")) {
				while (rs.next()) {
					indexKeys.put(rs.getLong(1), ints(rs.getArray(2)));
					indexColumns.put(rs.getLong(1), ints(rs.getArray(3)));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT p.oid, n.nspname, p.proname, x.extname FROM pg_proc p "
					+ "JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_depend d ON d.classid = "
					+ "'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e' LEFT JOIN pg_extension x ON "
					+ "x.oid = d.refobjid")) {
				while (rs.next()) {
					functions.put(rs.getLong(1),
							new Function(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT oid FROM pg_operator WHERE oprname = '=' AND "
					+ "oprleft = oprright AND oid < " + FIRST_NORMAL_OBJECT_ID)) {
				while (rs.next()) {
					equalities.add(rs.getLong(1));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT oid, oprcode::oid FROM pg_operator")) {
				while (rs.next()) {
					operatorFunctions.put(rs.getLong(1), rs.getLong(2));
				}
			}
		}
		Map<Long, Integer> tenantAttnos = new HashMap<>();
		for (Raw relation : raw.values()) {
			int attno = relation.columns().indexOf(tenantColumn) + 1;
			if (attno > 0 && !isSystem(relation.schema())) {
				tenantAttnos.put(relation.oid(), attno);
			}
		}
		Set<Long> global = new HashSet<>();
		for (Raw relation : raw.values()) {
			if (globalTables.contains(relation.name()) || globalTables.contains(relation.schema() + "." + relation.name())
					|| (relation.comment() != null && relation.comment().contains("dbkit:global"))) {
				global.add(relation.oid());
			}
		}
		for (ForeignKey key : foreignKeys) {
			Integer attno = tenantAttnos.get(key.table());
			if (attno != null && key.columns().equals(List.of(attno)) && !tenantAttnos.containsKey(key.referenced())) {
				// the table tenant columns reference (tenants) is the platform's own
				global.add(key.referenced());
			}
		}
		// children: tables without the tenant column that reference tenant data, directly or through other children
		Set<Long> owned = new HashSet<>(tenantAttnos.keySet());
		boolean grew = true;
		while (grew) {
			grew = false;
			for (ForeignKey key : foreignKeys) {
				if (owned.contains(key.referenced()) && !global.contains(key.table()) && owned.add(key.table())) {
					grew = true;
				}
			}
		}
		Map<Long, Relation> relations = new HashMap<>();
		for (Raw relation : raw.values()) {
			int attno = tenantAttnos.getOrDefault(relation.oid(), 0);
			Kind kind;
			if (isSystem(relation.schema())) {
				kind = Kind.SYSTEM;
			}
			else if (attno > 0) {
				kind = Kind.TENANT;
			}
			else if (global.contains(relation.oid())) {
				kind = Kind.GLOBAL;
			}
			else if (owned.contains(relation.oid())) {
				kind = Kind.CHILD;
			}
			else if (relation.relkind() == 'm' || relation.relkind() == 'f') {
				kind = Kind.OPAQUE;
			}
			else {
				kind = Kind.UNSCOPED;
			}
			relations.put(relation.oid(), new Relation(relation.oid(), relation.schema(), relation.name(),
					relation.relkind(), attno, kind, List.copyOf(relation.columns())));
		}
		return new TenancyFacts(relations, foreignKeys, indexKeys, indexColumns, functions, equalities,
				operatorFunctions);
	}

	private static boolean isSystem(String schema) {
		return schema.equals("pg_catalog") || schema.equals("information_schema") || schema.startsWith("pg_toast");
	}

	public @Nullable Relation relation(long oid) {
		return this.relations.get(oid);
	}

	public List<ForeignKey> foreignKeysOf(long table) {
		return this.foreignKeys.stream().filter((key) -> key.table() == table).toList();
	}

	/** The key columns of an index (not its INCLUDE columns). */
	public List<Integer> indexKeyColumns(long index) {
		return this.indexKeys.getOrDefault(index, List.of());
	}

	/** Every column of an index, key and INCLUDE columns, in order (0 for an expression). */
	public List<Integer> indexColumns(long index) {
		return this.indexColumns.getOrDefault(index, List.of());
	}

	public @Nullable Function function(long oid) {
		return this.functions.get(oid);
	}

	/** The function behind an operator, or 0. */
	public long operatorFunction(long operator) {
		return this.operatorFunctions.getOrDefault(operator, 0L);
	}

	public boolean isEquality(long operator) {
		return this.equalityOperators.contains(operator);
	}

	private static List<Integer> ints(java.sql.@Nullable Array array) throws SQLException {
		List<Integer> values = new ArrayList<>();
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				values.add(((Number) value).intValue());
			}
		}
		return values;
	}

}
