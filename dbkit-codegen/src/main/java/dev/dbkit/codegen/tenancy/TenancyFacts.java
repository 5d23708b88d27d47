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

import dev.dbkit.codegen.analyze.NodeTree;

/**
 * What the tenant proof needs to know of the schema, read from the catalogs of the analysis database: every
 * relation and what kind of tenancy it has, the foreign keys, the key columns of every index, inheritance, every
 * function and operator, and the domains and generated columns that call functions of the schema.
 */
public final class TenancyFacts {

	/** The first OID PostgreSQL gives to objects created after {@code initdb}: below it everything is built in. */
	static final long FIRST_NORMAL_OBJECT_ID = 16384;

	/** The marker that declares a materialized view's rows each computed from one tenant's rows only. */
	public static final String PER_TENANT_MARKER = "dbkit:per-tenant";

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
		/** a materialized view or foreign table whose rows' origin is not visible */
		OPAQUE,
		/** a system catalog or statistics view: describes every tenant's data */
		SYSTEM

	}

	/**
	 * A relation.
	 *
	 * @param tenantAttno the attribute number of its tenant column, or 0
	 * @param tenantNotNull whether the tenant column is NOT NULL
	 * @param tenantGenerated whether the tenant column is computed from other columns
	 * @param generatedCallsSchemaFunction whether a generated column calls a function defined in the schema
	 * @param columns column names by attribute number (dropped columns as empty names)
	 */
	public record Relation(long oid, String schema, String name, char relkind, int tenantAttno, Kind kind,
			List<String> columns, boolean tenantNotNull, boolean tenantGenerated,
			boolean generatedCallsSchemaFunction) {

		public Relation(long oid, String schema, String name, char relkind, int tenantAttno, Kind kind,
				List<String> columns) {
			this(oid, schema, name, relkind, tenantAttno, kind, columns, true, false, false);
		}

		public String column(int attno) {
			return (attno >= 1 && attno <= this.columns.size()) ? this.columns.get(attno - 1) : "#" + attno;
		}

		/** The attribute number of a column by name, or 0. */
		public int attno(String columnName) {
			return this.columns.indexOf(columnName) + 1;
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

	/**
	 * A function: its name, schema, the extension it belongs to, its language, whether it runs as its owner and
	 * whether it is volatile (may keep state between calls).
	 */
	public record Function(long oid, String schema, String name, @Nullable String extension, String language,
			boolean securityDefiner, boolean leakproof, boolean volatileFunction) {

		public Function(long oid, String schema, String name, @Nullable String extension) {
			this(oid, schema, name, extension, "internal", false, true, false);
		}

	}

	private final Map<Long, Relation> relations;

	private final List<ForeignKey> foreignKeys;

	private final Map<Long, List<Integer>> indexKeys;

	private final Map<Long, List<Integer>> indexColumns;

	private final Map<Long, Function> functions;

	private final Set<Long> equalityOperators;

	private final Map<Long, Long> operatorFunctions;

	private final Map<Long, String> operatorNames;

	private final Map<Long, List<Long>> children;

	private final Set<Long> unsafeDomains;

	private Map<Long, List<Object>> writeTimeTrees = Map.of();

	/**
	 * Collations that call different strings equal (ICU, {@code deterministic = false}): an equality under one of
	 * them does not pin one tenant ({@code 'a1' = 'b2'} may hold).
	 */
	private Map<Long, String> inexactCollations = Map.of();

	/** The functions of PostgreSQL's equalities that hold only for the same value (tenant ids are among these types). */
	public static final String EXACT_EQUALITY_FUNCTIONS = "'uuid_eq', 'int2eq', 'int4eq', 'int8eq', 'texteq', "
			+ "'nameeq', 'oideq', 'byteaeq', 'chareq'";

	TenancyFacts(Map<Long, Relation> relations, List<ForeignKey> foreignKeys, Map<Long, List<Integer>> indexKeys,
			Map<Long, Function> functions, Set<Long> equalityOperators) {
		this(relations, foreignKeys, indexKeys, indexKeys, functions, equalityOperators, Map.of(), Map.of(), Map.of(),
				Set.of());
	}

	/**
	 * The expression trees that PostgreSQL evaluates when a row of the table is written, out of sight of the plan:
	 * its CHECK constraints and those of the domains of its columns, its index expressions and partial-index
	 * predicates. (A default that runs is in the plan; triggers are schema, not query: docs/tenancy.md.)
	 */
	public List<Object> writeTimeTrees(long tableOid) {
		return this.writeTimeTrees.getOrDefault(tableOid, List.of());
	}

	TenancyFacts(Map<Long, Relation> relations, List<ForeignKey> foreignKeys, Map<Long, List<Integer>> indexKeys,
			Map<Long, List<Integer>> indexColumns, Map<Long, Function> functions, Set<Long> equalityOperators,
			Map<Long, Long> operatorFunctions, Map<Long, String> operatorNames, Map<Long, List<Long>> children,
			Set<Long> unsafeDomains) {
		this.relations = relations;
		this.foreignKeys = foreignKeys;
		this.indexKeys = indexKeys;
		this.indexColumns = indexColumns;
		this.functions = functions;
		this.equalityOperators = equalityOperators;
		this.operatorFunctions = operatorFunctions;
		this.operatorNames = operatorNames;
		this.children = children;
		this.unsafeDomains = unsafeDomains;
	}

	/**
	 * Reads the facts of the connected database.
	 * @param tenantColumn the column that makes a table tenant-scoped
	 * @param globalTables tables declared platform-global in the configuration
	 */
	public static TenancyFacts load(Connection connection, String tenantColumn, Set<String> globalTables)
			throws SQLException {
		record Raw(long oid, String schema, String name, char relkind, @Nullable String comment, List<String> columns,
				boolean tenantNotNull, boolean tenantGenerated) {
		}
		Map<Long, Raw> raw = new HashMap<>();
		List<ForeignKey> foreignKeys = new ArrayList<>();
		Map<Long, List<Integer>> indexKeys = new HashMap<>();
		Map<Long, List<Integer>> indexColumns = new HashMap<>();
		Map<Long, Function> functions = new HashMap<>();
		Set<Long> equalities = new HashSet<>();
		Map<Long, Long> operatorFunctions = new HashMap<>();
		Map<Long, String> operatorNames = new HashMap<>();
		Map<Long, List<Long>> children = new HashMap<>();
		Set<Long> unsafeDomains = new HashSet<>();
		Set<Long> unsafeGenerated = new HashSet<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT c.oid, n.nspname, c.relname, c.relkind, "
					+ "obj_description(c.oid, 'pg_class'), array(SELECT CASE WHEN a.attisdropped THEN '' ELSE "
					+ "a.attname::text END FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
					+ "ORDER BY a.attnum), coalesce((SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid "
					+ "AND a.attname = " + quote(tenantColumn) + " AND NOT a.attisdropped), false), coalesce((SELECT "
					+ "a.attgenerated <> '' FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = "
					+ quote(tenantColumn) + " AND NOT a.attisdropped), false) "
					+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
				while (rs.next()) {
					List<String> columns = new ArrayList<>();
					for (Object column : (Object[]) rs.getArray(6).getArray()) {
						columns.add((String) column);
					}
					raw.put(rs.getLong(1), new Raw(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4).charAt(0), rs.getString(5), columns, rs.getBoolean(7), rs.getBoolean(8)));
				}
			}
			// a key column compared with an inexact equality (bpchar_ops on text ignores trailing blanks) is left out
			String exactColumn = " FROM generate_subscripts(c.conkey, 1) k WHERE (SELECT o.oprcode::regproc::text FROM "
					+ "pg_operator o WHERE o.oid = c.conpfeqop[k]) IN (" + EXACT_EQUALITY_FUNCTIONS + ") ORDER BY k)";
			try (ResultSet rs = statement.executeQuery("SELECT c.conrelid, array(SELECT c.conkey[k]" + exactColumn
					+ ", c.confrelid, array(SELECT c.confkey[k]" + exactColumn + " FROM pg_constraint c WHERE "
					+ "c.contype = 'f' ORDER BY c.oid")) {
				while (rs.next()) {
					foreignKeys.add(new ForeignKey(rs.getLong(1), ints(rs.getArray(2)), rs.getLong(3),
							ints(rs.getArray(4))));
				}
			}
			// a key column under a collation that calls different values equal, or with an operator class other than
			// its type's default (bpchar_ops on text: trailing blanks ignored), keys nothing (0, as an expression)
			try (ResultSet rs = statement.executeQuery("SELECT indexrelid, array(SELECT CASE WHEN EXISTS (SELECT "
					+ "FROM pg_collation c WHERE c.oid = i.indcollation[k] AND NOT c.collisdeterministic) OR NOT EXISTS "
					+ "(SELECT FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod JOIN pg_amop ao ON "
					+ "ao.amopfamily = oc.opcfamily AND ao.amoplefttype = oc.opcintype AND ao.amoprighttype = "
					+ "oc.opcintype AND ao.amopstrategy = CASE am.amname WHEN 'hash' THEN 1 WHEN 'btree' THEN 3 END "
					+ "JOIN pg_operator o ON o.oid = ao.amopopr WHERE oc.oid = i.indclass[k] AND "
					+ "o.oprcode::regproc::text IN (" + EXACT_EQUALITY_FUNCTIONS + ")) THEN 0 ELSE "
					+ "i.indkey[k] END FROM generate_series(0, i.indnkeyatts - 1) k), array(SELECT i.indkey[k] FROM "
					+ "generate_series(0, i.indnatts - 1) k) FROM pg_index i")) {
				while (rs.next()) {
					indexKeys.put(rs.getLong(1), ints(rs.getArray(2)));
					indexColumns.put(rs.getLong(1), ints(rs.getArray(3)));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT p.oid, n.nspname, p.proname, x.extname, l.lanname, "
					+ "p.prosecdef, p.proleakproof, p.provolatile = 'v' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
					+ "JOIN pg_language l ON l.oid = p.prolang LEFT JOIN pg_depend d ON d.classid = "
					+ "'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e' LEFT JOIN pg_extension x ON "
					+ "x.oid = d.refobjid")) {
				while (rs.next()) {
					functions.put(rs.getLong(1), new Function(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT o.oid, o.oprcode::oid, o.oprname, "
					+ "o.oprname = '=' AND o.oprleft = o.oprright AND o.oid < " + FIRST_NORMAL_OBJECT_ID
					// equality that tells every two different values apart: not bpchar's (trailing blanks), nor
					// floats', numeric's, interval's... (a cast to one would make other tenants' ids equal)
					+ " AND o.oprcode::regproc::text IN (" + EXACT_EQUALITY_FUNCTIONS + ")"
					+ " FROM pg_operator o")) {
				while (rs.next()) {
					operatorFunctions.put(rs.getLong(1), rs.getLong(2));
					operatorNames.put(rs.getLong(1), rs.getString(3));
					if (rs.getBoolean(4)) {
						equalities.add(rs.getLong(1));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT inhparent, inhrelid FROM pg_inherits")) {
				while (rs.next()) {
					children.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
				}
			}
			// domains whose constraints call functions of the schema: a cast to them runs those functions
			try (ResultSet rs = statement.executeQuery("SELECT DISTINCT c.contypid FROM pg_constraint c JOIN pg_depend d "
					+ "ON d.classid = 'pg_constraint'::regclass AND d.objid = c.oid AND d.refclassid = "
					+ "'pg_proc'::regclass WHERE c.contypid <> 0 AND d.refobjid >= " + FIRST_NORMAL_OBJECT_ID)) {
				while (rs.next()) {
					unsafeDomains.add(rs.getLong(1));
				}
			}
			// and every type built on one: domains over it, arrays of it, ranges of it
			Map<Long, List<Long>> builtOn = new HashMap<>();
			try (ResultSet rs = statement.executeQuery("SELECT t.oid, t.typbasetype, t.typelem, "
					+ "coalesce((SELECT r.rngsubtype FROM pg_range r WHERE r.rngtypid = t.oid), 0) FROM pg_type t")) {
				while (rs.next()) {
					for (int column = 2; column <= 4; column++) {
						if (rs.getLong(column) != 0) {
							builtOn.computeIfAbsent(rs.getLong(column), (k) -> new ArrayList<>()).add(rs.getLong(1));
						}
					}
				}
			}
			// composite types (not tables' row types) with a field of such a type
			try (ResultSet rs = statement.executeQuery("SELECT t.oid, a.atttypid FROM pg_type t JOIN pg_class c ON "
					+ "c.oid = t.typrelid AND c.relkind = 'c' JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0")) {
				while (rs.next()) {
					builtOn.computeIfAbsent(rs.getLong(2), (k) -> new ArrayList<>()).add(rs.getLong(1));
				}
			}
			// range types defined in the schema: their input and comparisons run the subtype's operator class and
			// canonical functions, which may be the schema's
			try (ResultSet rs = statement.executeQuery("SELECT rngtypid, rngmultitypid FROM pg_range WHERE rngtypid >= "
					+ FIRST_NORMAL_OBJECT_ID)) {
				while (rs.next()) {
					unsafeDomains.add(rs.getLong(1));
					unsafeDomains.add(rs.getLong(2));
				}
			}
			List<Long> pending = new ArrayList<>(unsafeDomains);
			while (!pending.isEmpty()) {
				long type = pending.remove(pending.size() - 1);
				for (long derived : builtOn.getOrDefault(type, List.of())) {
					if (unsafeDomains.add(derived)) {
						pending.add(derived);
					}
				}
			}
			// tables with a generated column (or default) whose expression calls a function of the schema
			try (ResultSet rs = statement.executeQuery("SELECT DISTINCT a.adrelid FROM pg_attrdef a JOIN pg_attribute t "
					+ "ON t.attrelid = a.adrelid AND t.attnum = a.adnum JOIN pg_depend d ON d.classid = "
					+ "'pg_attrdef'::regclass AND d.objid = a.oid AND d.refclassid = 'pg_proc'::regclass "
					+ "WHERE t.attgenerated <> '' AND d.refobjid >= " + FIRST_NORMAL_OBJECT_ID)) {
				while (rs.next()) {
					unsafeGenerated.add(rs.getLong(1));
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
		Set<Long> tenantsTables = new HashSet<>();
		for (ForeignKey key : foreignKeys) {
			Integer attno = tenantAttnos.get(key.table());
			boolean referencesTenantData = foreignKeys.stream()
				.anyMatch((other) -> other.table() == key.referenced() && tenantAttnos.containsKey(other.referenced()));
			if (attno != null && key.columns().equals(List.of(attno)) && !tenantAttnos.containsKey(key.referenced())
					&& !referencesTenantData) {
				// the table tenant columns reference (tenants) is the platform's own
				global.add(key.referenced());
				tenantsTables.add(key.referenced());
			}
		}
		// children: tables without the tenant column whose rows belong to a tenant through a foreign key: to tenant
		// data, directly or through other children, or to the tenants table itself (one row per tenant)
		Set<Long> owned = new HashSet<>(tenantAttnos.keySet());
		for (ForeignKey key : foreignKeys) {
			if (tenantsTables.contains(key.referenced()) && !tenantAttnos.containsKey(key.table())
					&& !global.contains(key.table())) {
				owned.add(key.table());
			}
		}
		boolean grew = true;
		while (grew) {
			grew = false;
			for (ForeignKey key : foreignKeys) {
				if (owned.contains(key.referenced()) && !global.contains(key.table()) && owned.add(key.table())) {
					grew = true;
				}
			}
			// an inheritance parent reads its children's rows
			for (Map.Entry<Long, List<Long>> family : children.entrySet()) {
				if (!global.contains(family.getKey()) && family.getValue().stream().anyMatch(owned::contains)
						&& owned.add(family.getKey())) {
					grew = true;
				}
			}
		}
		Map<Long, Relation> relations = new HashMap<>();
		for (Raw relation : raw.values()) {
			int attno = tenantAttnos.getOrDefault(relation.oid(), 0);
			boolean perTenant = relation.comment() != null && relation.comment().contains(PER_TENANT_MARKER);
			Kind kind;
			if (isSystem(relation.schema())) {
				kind = Kind.SYSTEM;
			}
			else if (attno > 0 && (relation.relkind() != 'm' || perTenant)) {
				kind = Kind.TENANT;
			}
			else if (global.contains(relation.oid())) {
				kind = Kind.GLOBAL;
			}
			else if (relation.relkind() == 'm' || relation.relkind() == 'f') {
				kind = Kind.OPAQUE;
			}
			else if (owned.contains(relation.oid())) {
				kind = Kind.CHILD;
			}
			else {
				kind = Kind.UNSCOPED;
			}
			relations.put(relation.oid(), new Relation(relation.oid(), relation.schema(), relation.name(),
					relation.relkind(), (kind == Kind.TENANT) ? attno : 0, kind, List.copyOf(relation.columns()),
					relation.tenantNotNull(), relation.tenantGenerated(), unsafeGenerated.contains(relation.oid())));
		}
		TenancyFacts facts = new TenancyFacts(relations, foreignKeys, indexKeys, indexColumns, functions, equalities,
				operatorFunctions, operatorNames, children, unsafeDomains);
		facts.writeTimeTrees = writeTimeTrees(connection);
		facts.inexactCollations = inexactCollations(connection);
		return facts;
	}

	private static Map<Long, List<Object>> writeTimeTrees(Connection connection) throws SQLException {
		Map<Long, List<Object>> trees = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT conrelid, conbin::text FROM pg_constraint "
						+ "WHERE contype = 'c' AND conrelid <> 0 "
						+ "UNION ALL SELECT a.attrelid, c.conbin::text FROM pg_attribute a JOIN pg_constraint c "
						+ "ON c.contypid = a.atttypid WHERE c.contype = 'c' AND a.attnum > 0 AND NOT a.attisdropped "
						+ "UNION ALL SELECT indrelid, indexprs::text FROM pg_index WHERE indexprs IS NOT NULL "
						+ "UNION ALL SELECT indrelid, indpred::text FROM pg_index WHERE indpred IS NOT NULL")) {
			while (rs.next()) {
				Object tree;
				try {
					tree = NodeTree.parse(rs.getString(2));
				}
				catch (IllegalArgumentException ex) {
					// a tree dbkit cannot read: a node it cannot judge, which the proof refuses
					tree = new NodeTree.Node("UNREADABLE", Map.of());
				}
				trees.computeIfAbsent(rs.getLong(1), (table) -> new ArrayList<>()).add(tree);
			}
		}
		return trees;
	}

	private static String quote(String literal) {
		return "'" + literal.replace("'", "''") + "'";
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

	/** The partitions and inheritance children of a relation, and theirs. */
	public List<Long> descendants(long table) {
		List<Long> all = new ArrayList<>();
		for (Long child : this.children.getOrDefault(table, List.of())) {
			all.add(child);
			all.addAll(descendants(child));
		}
		return all;
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

	public String operatorName(long operator) {
		return this.operatorNames.getOrDefault(operator, "#" + operator);
	}

	public boolean isEquality(long operator) {
		return this.equalityOperators.contains(operator);
	}

	/**
	 * PostgreSQL's own equality under a collation that tells every two different values apart (or none, for a type
	 * that is not collatable): the only comparison that pins one tenant.
	 * @param operator the operator's oid ({@code opno})
	 * @param collation the comparison's collation ({@code inputcollid}), 0 for none
	 */
	public boolean isExactEquality(long operator, long collation) {
		return isEquality(operator) && !this.inexactCollations.containsKey(collation);
	}

	/** The name of a collation that calls different values equal, or null for any other. */
	public @Nullable String inexactCollation(long collation) {
		return this.inexactCollations.get(collation);
	}

	private static Map<Long, String> inexactCollations(Connection connection) throws SQLException {
		Map<Long, String> collations = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT oid, collname FROM pg_collation WHERE NOT "
						+ "collisdeterministic")) {
			while (rs.next()) {
				collations.put(rs.getLong(1), rs.getString(2));
			}
		}
		return collations;
	}

	/**
	 * Whether a value of this type runs functions of the schema: a domain whose CHECK calls one, a type built on
	 * such a domain (a domain over it, an array, a range, a composite type with a field of it), a range type of the
	 * schema.
	 */
	public boolean isUnsafeDomain(long type) {
		return this.unsafeDomains.contains(type);
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
