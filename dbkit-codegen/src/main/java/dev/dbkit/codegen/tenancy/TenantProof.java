package dev.dbkit.codegen.tenancy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.analyze.NodeTree;
import dev.dbkit.codegen.analyze.NodeTree.Node;
import dev.dbkit.codegen.analyze.PlanTrees;

/**
 * The tenant proof over PostgreSQL's generic plan of a statement, read from the plan tree itself (the planner has
 * expanded views, pulled up subqueries and propagated equalities, so what is left is exactly what runs). A statement
 * is proved when:
 * <ul>
 * <li>every scan of a tenant-scoped relation has a top-level condition {@code tenant_id = v} where {@code v} is a
 * parameter (dbkit binds it from {@code TenantContext}) or provably the tenant (the tenant column of another proved
 * scan, through join and sub-plan parameters);</li>
 * <li>no scan reads a child table without the tenant column, a materialized view or foreign table without it, or a
 * system catalog;</li>
 * <li>every write (each data-modifying CTE, each MERGE action) writes the tenant into the tenant column, never
 * anything else, and its conflict target is keyed by the tenant;</li>
 * <li>every value written into a foreign key that references a tenant-scoped table without the tenant column is
 * provably the tenant's row: it comes from a proved scan of that table, or a proved scan of that table with
 * {@code id = $k} must produce a row for the write to happen (the guarded insert), or it is null;</li>
 * <li>no function is called that the plan cannot see into: user-defined functions and operators, functions of
 * extensions not known to be safe, and the built-ins that run SQL text or read files and statistics.</li>
 * </ul>
 * Whatever is not one of these shapes is refused: the proof fails closed.
 */
public final class TenantProof {

	private static final Set<Long> INNER_VAR = PlanTrees.INNER_VAR;

	private static final Set<Long> OUTER_VAR = PlanTrees.OUTER_VAR;

	private static final Set<Long> INDEX_VAR = PlanTrees.INDEX_VAR;

	private static final int CMD_UPDATE = 2;

	private static final int CMD_INSERT = 3;

	private static final int CMD_DELETE = 4;

	private static final int CMD_MERGE = 5;

	private static final int ONCONFLICT_UPDATE = 2;

	private static final int EXISTS_SUBLINK = 0;

	private static final long JOIN_LEFT = 1;

	private static final long JOIN_FULL = 2;

	private static final long JOIN_RIGHT = 3;

	private static final long JOIN_ANTI = 5;

	private static final int EXPR_SUBLINK = 4;

	private static final int RTE_RELATION = 0;

	private static final int RTE_SUBQUERY = 1;

	private static final int RTE_VALUES = 5;

	private static final int RTE_CTE = 6;

	/** Extensions whose functions compute on their arguments only. */
	private static final Set<String> SAFE_EXTENSIONS = Set.of("uuid-ossp", "pgcrypto", "citext", "pg_trgm", "hstore",
			"ltree", "btree_gin", "btree_gist", "fuzzystrmatch", "unaccent", "intarray", "cube", "earthdistance", "isn");

	/**
	 * Volatile functions of the trusted extensions that keep nothing in the session: random values and salts. Any
	 * other volatile function of an extension may (pg_trgm's {@code set_limit} changes a setting the next borrower of
	 * the connection inherits), so it is not trusted.
	 */
	private static final Set<String> STATELESS_VOLATILE_EXTENSION_FUNCTIONS = Set.of("uuid_generate_v1",
			"uuid_generate_v1mc", "uuid_generate_v4", "gen_random_bytes", "gen_random_uuid", "gen_salt");

	/** Built-ins that run SQL given as text, or read files, large objects or statistics of every tenant. */
	private static final Set<String> UNSAFE_BUILTINS = Set.of("query_to_xml", "query_to_xmlschema",
			"query_to_xml_and_xmlschema", "table_to_xml", "table_to_xmlschema", "table_to_xml_and_xmlschema",
			"cursor_to_xml", "cursor_to_xmlschema", "schema_to_xml", "schema_to_xmlschema", "schema_to_xml_and_xmlschema",
			"database_to_xml", "database_to_xmlschema", "database_to_xml_and_xmlschema", "ts_stat", "pg_read_file",
			"pg_read_binary_file", "pg_stat_file", "pg_relation_size", "pg_table_size", "pg_total_relation_size",
			"pg_indexes_size", "pg_column_size", "loread", "pg_sequence_last_value",
			"pg_get_replica_identity_index", "currtid2", "ts_rewrite", "pg_database_size", "pg_tablespace_size",
			"pg_lock_status", "pg_prepared_xact", "pg_blocking_pids", "pg_safe_snapshot_blocking_pids",
			"pg_listening_channels", "pg_notification_queue_usage", "pg_sequence_parameters", "pg_get_shmem_allocations",
			"pg_get_backend_memory_contexts", "pg_current_xact_id_if_assigned",
			"pg_export_snapshot", "pg_partition_tree", "pg_filenode_relation",
			"pg_relation_filepath", "pg_relation_filenode", "pg_visible_in_snapshot", "txid_status", "pg_xact_status",
			"pg_input_is_valid", "pg_input_error_info", "lastval", "currval");

	/**
	 * Built-ins that read what earlier borrowers of a pooled connection left in the session: their server-prepared
	 * statements (literals and all), their cursors ({@code WITH HOLD} outlives a transaction), their settings.
	 */
	private static final Set<String> SESSION_READERS = Set.of("pg_prepared_statement", "pg_cursor",
			"pg_show_all_settings", "pg_show_all_file_settings", "pg_show_replication_origin_status",
			"pg_get_loaded_modules");

	private static final List<String> UNSAFE_BUILTIN_PREFIXES = List.of("pg_stat_", "pg_ls_", "lo_", "pg_read_",
			"pg_logical_", "pg_replication_", "dblink", "pg_current_wal");

	/**
	 * Built-ins that change the session beyond the statement: on a pooled connection the next borrower inherits what
	 * they leave (a setting, among them dbkit's own {@code dbkit.tenant_id} and the role; a session-level lock; a
	 * remote connection). No marker allows them.
	 */
	private static final Set<String> SESSION_BUILTINS = Set.of("set_config", "setseed", "pg_advisory_lock",
			"pg_advisory_lock_shared", "pg_try_advisory_lock", "pg_try_advisory_lock_shared", "pg_advisory_unlock",
			"pg_advisory_unlock_shared", "pg_advisory_unlock_all", "dblink_connect", "dblink_connect_u",
			"dblink_disconnect", "dblink_open", "pg_replication_origin_session_setup",
			"pg_replication_origin_session_reset",
			// of the trusted extensions: pg_trgm's similarity threshold, isn's acceptance of invalid check digits
			// (declared IMMUTABLE, so volatility does not tell)
			"set_limit", "isn_weak");

	/**
	 * Built-ins with an effect beyond the rows they return: notifications, sequences, large objects, transaction
	 * locks, other sessions and the server. A query may call them when it says so ({@code -- dbkit:side-effects}).
	 * {@code nextval} is not among them: every insert into a serial or identity column calls it.
	 */
	private static final Set<String> SIDE_EFFECT_BUILTINS = Set.of("pg_notify", "setval", "lo_create", "lo_creat",
			"lo_import", "lo_export", "lo_unlink", "lo_put", "lo_from_bytea", "lo_truncate", "lo_truncate64", "lowrite",
			"lo_open", "lo_close", "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared", "pg_try_advisory_xact_lock",
			"pg_try_advisory_xact_lock_shared", "pg_cancel_backend", "pg_terminate_backend", "pg_reload_conf",
			"pg_rotate_logfile", "pg_log_backend_memory_contexts", "pg_import_system_collations",
			"pg_create_restore_point", "pg_switch_wal", "pg_promote", "pg_drop_replication_slot",
			"pg_logical_emit_message", "dblink_exec", "dblink_send_query");

	private static final List<String> SIDE_EFFECT_PREFIXES = List.of("pg_stat_reset", "pg_create_", "pg_copy_",
			"pg_replication_origin_", "pg_wal_replay_", "pg_backup_", "pg_replication_slot_advance");

	/**
	 * A reason the proof failed, about one relation or object.
	 *
	 * @param kind what the reason is about: tenancy (a platform query may do it), an effect on the session (nothing
	 * allows it) or a side effect (allowed where declared)
	 */
	public record Finding(String object, String message, Kind kind) {

		public Finding(String object, String message) {
			this(object, message, Kind.TENANCY);
		}

		/** What a finding is about. */
		public enum Kind {

			/** reaching rows or data beyond the current tenant: allowed in a {@code -- dbkit:cross-tenant} query */
			TENANCY,
			/** changing the pooled session: never allowed */
			SESSION,
			/** an effect beyond the statement's rows: allowed with {@code -- dbkit:side-effects} */
			SIDE_EFFECT

		}

	}

	/**
	 * The result.
	 *
	 * @param tenantParameters the {@code $n} that stand for the tenant: the generated code binds them from
	 * {@code TenantContext}
	 * @param findings why the statement is not proved (empty when it is)
	 */
	public record Result(Set<Integer> tenantParameters, List<Finding> findings) {

		public boolean proved() {
			return this.findings.isEmpty();
		}

	}

	private final TenancyFacts facts;

	private final String tenantColumn;

	private final Node statement;

	private final List<Node> rtable;

	private final List<@Nullable Node> subplans = new ArrayList<>();

	private final List<Node> plans = new ArrayList<>();

	/** Where an executor parameter ({@code PARAM_EXEC}) gets its value: an expression evaluated at a plan node. */
	private record Source(@Nullable Object expression, Node at, int existsPlan, boolean scalarSubquery) {

		Source(@Nullable Object expression, Node at, int existsPlan) {
			this(expression, at, existsPlan, false);
		}

	}

	private final Map<Long, List<Source>> execSources = new LinkedHashMap<>();

	private final Map<Node, Boolean> bound = new IdentityHashMap<>();

	/** Scans whose tenant condition comes after a condition that is not leakproof: what that is. */
	private final Map<Node, String> leaks = new IdentityHashMap<>();

	private final Set<Integer> tenantParameters = new TreeSet<>();

	private final Map<String, Finding> findings = new LinkedHashMap<>();

	private int depth;

	private TenantProof(TenancyFacts facts, String tenantColumn, Node statement) {
		this.facts = facts;
		this.tenantColumn = tenantColumn;
		this.statement = statement;
		this.rtable = statement.nodes("rtable");
		for (Object subplan : statement.list("subplans")) {
			this.subplans.add((subplan instanceof Node node) ? node : null);
		}
	}

	/** Proves the planned statements of one query (a rule can make several). */
	public static Result prove(TenancyFacts facts, String tenantColumn, List<Node> plannedStatements) {
		return prove(facts, tenantColumn, plannedStatements, List.of());
	}

	/**
	 * Proves the planned statements of one query (a rule can make several).
	 * @param rewrittenTrees the query trees before planning: the planner inlines SQL functions, so the functions a
	 * statement calls (also through views) are judged on these as well
	 */
	public static Result prove(TenancyFacts facts, String tenantColumn, List<Node> plannedStatements,
			List<Object> rewrittenTrees) {
		Set<Integer> parameters = new TreeSet<>();
		Map<String, Finding> findings = new LinkedHashMap<>();
		for (Node statement : plannedStatements) {
			TenantProof proof = new TenantProof(facts, tenantColumn, statement);
			proof.run();
			parameters.addAll(proof.tenantParameters);
			proof.findings.forEach(findings::putIfAbsent);
		}
		if (!rewrittenTrees.isEmpty()) {
			TenantProof functions = new TenantProof(facts, tenantColumn, new Node("PLANNEDSTMT", Map.of()));
			for (Object tree : rewrittenTrees) {
				functions.checkFunctionsIn(tree);
			}
			functions.findings.forEach(findings::putIfAbsent);
		}
		if (parameters.size() > 1) {
			// each would be bound to the tenant; two of them mean the author had two tenants in mind
			StringBuilder names = new StringBuilder();
			for (Integer parameter : parameters) {
				names.append((names.length() == 0) ? "$" : " and $").append(parameter);
			}
			findings.putIfAbsent("parameters", new Finding(tenantColumn, "binds the tenant through " + names
					+ ": dbkit would bind each of them to the current tenant, so a value meant for another tenant "
					+ "would silently become this one; use one parameter for the tenant everywhere (or mark a platform "
					+ "query with -- dbkit:cross-tenant)"));
		}
		return new Result(parameters, List.copyOf(findings.values()));
	}

	private void run() {
		Node root = this.statement.node("planTree");
		if (root == null) {
			refuse("statement", "has no plan dbkit can read");
			return;
		}
		this.plans.addAll(PlanTrees.planNodes(this.statement));
		for (Node plan : this.plans) {
			sources(plan);
		}
		for (Node plan : this.plans) {
			checkFunctions(plan);
			checkScan(plan);
			if (plan.is("MODIFYTABLE")) {
				checkWrite(plan);
			}
		}
	}

	// ---- the plan's shape

	/** Records where every executor parameter gets its value. */
	private void sources(Node plan) {
		for (Node nestParam : plan.nodes("nestParams")) {
			source(nestParam.number("paramno", -1), new Source(nestParam.get("paramval"), plan, -1));
		}
		for (Node initPlan : plan.nodes("initPlan")) {
			int planId = (int) initPlan.number("plan_id", 0);
			long kind = initPlan.number("subLinkType", -1);
			List<Long> setParams = initPlan.numbers("setParam");
			Node subplan = subplan(planId);
			for (int i = 0; i < setParams.size(); i++) {
				if (kind == EXISTS_SUBLINK) {
					source(setParams.get(i), new Source(null, plan, planId));
				}
				else if (kind == EXPR_SUBLINK && subplan != null) {
					List<Node> targets = subplan.nodes("targetlist");
					// a scalar subquery: NULL when it finds no row
					source(setParams.get(i), new Source((i < targets.size()) ? targets.get(i).get("expr") : null,
							subplan, -1, true));
				}
			}
		}
		for (Object expression : PlanTrees.expressions(plan)) {
			PlanTrees.walk(expression, (node) -> {
				if (node.is("SUBPLAN")) {
					List<Long> parParams = node.numbers("parParam");
					List<Object> args = node.list("args");
					for (int i = 0; i < parParams.size() && i < args.size(); i++) {
						source(parParams.get(i), new Source(args.get(i), plan, -1));
					}
				}
			});
		}
	}

	private void source(long paramId, Source source) {
		this.execSources.computeIfAbsent(paramId, (k) -> new ArrayList<>()).add(source);
	}

	private @Nullable Node subplan(long planId) {
		return (planId >= 1 && planId <= this.subplans.size()) ? this.subplans.get((int) planId - 1) : null;
	}

	private @Nullable Node rte(long index) {
		return (index >= 1 && index <= this.rtable.size()) ? this.rtable.get((int) index - 1) : null;
	}

	private TenancyFacts.@Nullable Relation relationOf(@Nullable Node rte) {
		return (rte != null && rte.number("rtekind", -1) == RTE_RELATION) ? this.facts.relation(rte.number("relid", 0))
				: null;
	}

	private static @Nullable Node targetExpression(@Nullable Node plan, long position) {
		if (plan == null) {
			return null;
		}
		List<Node> targets = plan.nodes("targetlist");
		if (position < 1 || position > targets.size()) {
			return null;
		}
		return targets.get((int) position - 1).node("expr");
	}

	// ---- reads

	private void checkScan(Node plan) {
		long scanrelid = plan.number("scanrelid", 0);
		if (scanrelid <= 0 || plan.is("BITMAPINDEXSCAN")) {
			if (plan.is("FOREIGNSCAN") || plan.is("CUSTOMSCAN")) {
				refuse("scan", "joins relations in a "
						+ plan.label().toLowerCase(Locale.ROOT) + " whose rows dbkit cannot follow");
			}
			return;
		}
		Node rte = rte(scanrelid);
		if (rte == null || rte.number("rtekind", -1) != RTE_RELATION) {
			return;
		}
		TenancyFacts.Relation relation = this.facts.relation(rte.number("relid", 0));
		if (relation == null) {
			refuse("relation " + rte.number("relid", 0), "reads a relation dbkit does not know");
			return;
		}
		switch (relation.kind()) {
			case TENANT -> {
				if (!scanBound(plan) && this.leaks.containsKey(plan)) {
					refuse(relation.name(), "evaluates " + this.leaks.get(plan) + " on every tenant's rows of "
							+ relation.name() + " before its " + this.tenantColumn + " condition (PostgreSQL filters a "
							+ "sequential scan in its own order), and an error it raises tells the caller about another "
							+ "tenant's row: give " + relation.name() + " an index that starts with " + this.tenantColumn
							+ " (dbkit:verify's tenant-index rule) so that the tenant condition runs first, as an index "
							+ "condition, or use PostgreSQL's leakproof operators in the other conditions");
				}
				else if (!scanBound(plan)) {
					refuse(relation.name(), "reads tenant-scoped table " + relation.name() + " without binding its "
							+ this.tenantColumn + " to a parameter: add `" + this.tenantColumn + " = $n` to the "
							+ "conditions on " + relation.name() + " (dbkit binds it from TenantContext), or mark a "
							+ "platform query with -- dbkit:cross-tenant");
				}
			}
			case CHILD -> refuse(relation.name(), "reads " + relation.name() + ", whose rows belong to tenants through a "
					+ "foreign key but which has no " + this.tenantColumn + " column, so no condition can bind it: add `"
					+ this.tenantColumn + "` to " + relation.name() + " (with a foreign key that includes it), declare it "
					+ "global, or mark a platform query with -- dbkit:cross-tenant");
			case OPAQUE -> refuse(relation.name(), "reads " + describe(relation) + " " + relation.name() + ", whose rows "
					+ "dbkit cannot trace to one tenant (a materialized view can mix every tenant's rows even where it "
					+ "has " + this.tenantColumn + "): when each row is computed from one tenant's rows only and carries its "
					+ this.tenantColumn + ", declare it with COMMENT ON MATERIALIZED VIEW " + relation.name() + " IS '"
					+ TenancyFacts.PER_TENANT_MARKER + "'; declare shared data global (dbkit:global); or mark a platform "
					+ "query with -- dbkit:cross-tenant");
			case SYSTEM -> refuse(relation.name(), "reads system catalog " + relation.schema() + "." + relation.name()
					+ ", which describes every tenant's data: mark a platform query with -- dbkit:cross-tenant");
			case GLOBAL, UNSCOPED -> {
			}
		}
	}

	private static String describe(TenancyFacts.Relation relation) {
		return switch (relation.relkind()) {
			case 'm' -> "materialized view";
			case 'f' -> "foreign table";
			default -> "relation";
		};
	}

	/** Whether a relation scan is restricted to the tenant by one of its own top-level conditions. */
	private boolean scanBound(Node scan) {
		Boolean known = this.bound.get(scan);
		if (known != null) {
			return known;
		}
		this.bound.put(scan, false); // a cycle proves nothing
		TenancyFacts.Relation relation = relationOf(rte(scan.number("scanrelid", 0)));
		boolean result = false;
		if (relation != null && relation.kind() == TenancyFacts.Kind.TENANT) {
			// an index, bitmap or recheck condition runs before the filter: the filter only sees its rows
			List<Object> indexLevel = new ArrayList<>();
			for (String field : List.of("indexqualorig", "indexqual", "bitmapqualorig", "recheckqual")) {
				indexLevel.addAll(PlanTrees.conjuncts(scan.get(field)));
			}
			for (Object conjunct : indexLevel) {
				Set<Integer> parameters = new TreeSet<>();
				if (bindsTenant(conjunct, scan, relation.tenantAttno(), parameters)) {
					this.tenantParameters.addAll(parameters);
					result = true;
					break;
				}
			}
			// the filter runs its conditions in order: those before the tenant's see every tenant's rows, and an
			// error one of them raises (or a side effect) tells the caller about another tenant's row
			List<Object> filter = PlanTrees.conjuncts(scan.get("qual"));
			for (int i = 0; !result && i < filter.size(); i++) {
				Set<Integer> parameters = new TreeSet<>();
				if (bindsTenant(filter.get(i), scan, relation.tenantAttno(), parameters)) {
					String leaky = null;
					for (int j = 0; j < i && leaky == null; j++) {
						leaky = leaky(filter.get(j));
					}
					if (leaky == null) {
						this.tenantParameters.addAll(parameters);
						result = true;
					}
					else {
						this.leaks.put(scan, leaky);
					}
					break;
				}
			}
		}
		this.bound.put(scan, result);
		return result;
	}

	/**
	 * What in a condition is not leakproof (may raise an error or reveal its arguments), or null: only columns,
	 * parameters, constants, boolean logic and functions PostgreSQL declares leakproof are.
	 */
	private @Nullable String leaky(Object condition) {
		String[] found = { null };
		PlanTrees.walk(condition, (node) -> {
			if (found[0] != null) {
				return;
			}
			switch (node.label()) {
				case "VAR", "PARAM", "CONST", "BOOLEXPR", "NULLTEST", "BOOLEANTEST", "RELABELTYPE" -> {
				}
				case "FUNCEXPR", "OPEXPR", "DISTINCTEXPR", "NULLIFEXPR", "SCALARARRAYOPEXPR" -> {
					long funcid = node.is("FUNCEXPR") ? node.number("funcid", 0) : node.number("opfuncid", 0);
					TenancyFacts.Function function = this.facts.function(funcid);
					if (function == null || !function.leakproof()) {
						found[0] = (function != null) ? function.name() : node.label().toLowerCase(Locale.ROOT);
					}
				}
				default -> found[0] = node.label().toLowerCase(Locale.ROOT);
			}
		});
		return found[0];
	}

	private boolean exactEquality(Node op) {
		return this.facts.isExactEquality(op.number("opno", 0), op.number("inputcollid", 0));
	}

	/** {@code column = value} with PostgreSQL's own equality, where column is the scan's tenant column. */
	private boolean bindsTenant(Object conjunct, Node scan, int tenantAttno, Set<Integer> parameters) {
		if (!(conjunct instanceof Node op) || !op.is("OPEXPR") || !this.facts.isEquality(op.number("opno", 0))) {
			return false;
		}
		List<Object> args = op.list("args");
		if (args.size() != 2) {
			return false;
		}
		String inexact = this.facts.inexactCollation(op.number("inputcollid", 0));
		if (inexact != null) {
			if (isColumnOf(args.get(0), scan, tenantAttno) || isColumnOf(args.get(1), scan, tenantAttno)) {
				refuse("collation " + inexact, "compares " + this.tenantColumn + " under collation " + inexact
						+ ", which calls different values equal: it does not pin one tenant. Compare under a "
						+ "deterministic collation (the column's must be one too: see dbkit:verify's tenant-column)");
			}
			return false;
		}
		for (int i = 0; i < 2; i++) {
			if (isColumnOf(args.get(i), scan, tenantAttno) && tenantValue(args.get(1 - i), scan, parameters)) {
				return true;
			}
		}
		return false;
	}

	/** Whether an expression is the scan's own column {@code attno} (also as an index column). */
	private boolean isColumnOf(@Nullable Object expression, Node scan, int attno) {
		Node var = (expression instanceof Node node) ? stripRelabel(node) : null;
		if (var == null || !var.is("VAR") || var.number("varlevelsup", -1) != 0) {
			return false;
		}
		long varno = var.number("varno", 0);
		if (varno == scan.number("scanrelid", -1)) {
			return var.number("varattno", 0) == attno;
		}
		if (INDEX_VAR.contains(varno)) {
			// index columns, INCLUDE columns too (an index-only scan filters on them)
			List<Integer> keys = this.facts.indexColumns(scan.number("indexid", 0));
			int position = (int) var.number("varattno", 0);
			return position >= 1 && position <= keys.size() && keys.get(position - 1) == attno;
		}
		return false;
	}

	/** The value under binary-compatible casts and casts to a domain (whose checks are judged on their own). */
	private static @Nullable Node stripRelabel(@Nullable Node node) {
		while (node != null && (node.is("RELABELTYPE") || node.is("COERCETODOMAIN"))) {
			node = node.node("arg");
		}
		return node;
	}

	// ---- where a value comes from

	/** A terminal of a value's provenance: a parameter, a constant, a relation column at its scan, or unknown. */
	private record Leaf(@Nullable Node expression, @Nullable Node at, boolean nullable) {

		Leaf(@Nullable Node expression, @Nullable Node at) {
			this(expression, at, false);
		}

		/** Whether the value may be NULL: a NULL constant, or it comes through an outer join or a total row. */
		boolean maybeNull() {
			return this.nullable || (this.expression != null && this.expression.is("CONST")
					&& "true".equals(this.expression.string("constisnull")));
		}

	}

	private List<Leaf> leaves(@Nullable Object expression, @Nullable Node at) {
		List<Leaf> leaves = new ArrayList<>();
		if (++this.depth > 200) {
			leaves.add(new Leaf(null, null));
		}
		else {
			leavesInto(expression, at, leaves);
		}
		this.depth--;
		return leaves;
	}

	private void leavesInto(@Nullable Object expression, @Nullable Node at, List<Leaf> leaves) {
		Node node = (expression instanceof Node n) ? stripRelabel(n) : null;
		if (node == null || at == null) {
			leaves.add(new Leaf(null, null));
			return;
		}
		if (node.is("PARAM")) {
			if (node.number("paramkind", -1) == 0) {
				leaves.add(new Leaf(node, at));
				return;
			}
			List<Source> sources = this.execSources.getOrDefault(node.number("paramid", -1), List.of());
			if (node.number("paramkind", -1) != 1 || sources.isEmpty()) {
				leaves.add(new Leaf(null, null));
				return;
			}
			for (Source source : sources) {
				if (source.existsPlan() >= 0) {
					leaves.add(new Leaf(null, null));
				}
				else {
					leaves.addAll(nullableIf(source.scalarSubquery(), leaves(source.expression(), source.at())));
				}
			}
			return;
		}
		if (node.is("CONST")) {
			leaves.add(new Leaf(node, at));
			return;
		}
		if (!node.is("VAR") || node.number("varlevelsup", -1) != 0) {
			leaves.add(new Leaf(null, null));
			return;
		}
		long varno = node.number("varno", 0);
		long attno = node.number("varattno", 0);
		if (OUTER_VAR.contains(varno)) {
			List<Node> outer = new ArrayList<>();
			if (at.is("APPEND") || at.is("MERGEAPPEND")) {
				outer.addAll(at.nodes("appendplans"));
				outer.addAll(at.nodes("mergeplans"));
			}
			else if (at.is("RECURSIVEUNION")) {
				// its rows come from the non-recursive term and from every round of the recursive one
				outer.add(at.node("lefttree"));
				outer.add(at.node("righttree"));
			}
			else if (at.node("lefttree") != null) {
				outer.add(at.node("lefttree"));
			}
			if (outer.isEmpty() || outer.contains(null)) {
				leaves.add(new Leaf(null, null));
				return;
			}
			long join = joinType(at);
			// the outer side of a RIGHT or FULL join, and the groups of ROLLUP/CUBE/GROUPING SETS, can be all NULLs
			boolean nullable = join == JOIN_RIGHT || join == JOIN_FULL || (at.is("AGG") && !at.list("groupingSets").isEmpty());
			for (Node child : outer) {
				leaves.addAll(nullableIf(nullable, leaves(targetExpression(child, attno), child)));
			}
			return;
		}
		if (INNER_VAR.contains(varno)) {
			if (at.is("MODIFYTABLE") && at.number("operation", 0) == CMD_MERGE) {
				// a MERGE action's source columns: the subplan's output
				Node input = at.node("lefttree");
				leaves.addAll(leaves(targetExpression(input, attno), input));
				return;
			}
			if (at.is("MODIFYTABLE")) {
				// ON CONFLICT's excluded row: the row proposed for insertion
				Node excluded = (attno >= 1 && attno <= at.nodes("exclRelTlist").size())
						? at.nodes("exclRelTlist").get((int) attno - 1).node("expr") : null;
				long column = (excluded != null) ? excluded.number("varattno", 0) : 0;
				Node input = at.node("lefttree");
				leaves.addAll(leaves(insertedValue(input, column), input));
				return;
			}
			Node inner = at.node("righttree");
			long join = joinType(at);
			// the inner side of a LEFT, FULL or anti join can be all NULLs
			boolean nullable = join == JOIN_LEFT || join == JOIN_FULL || join == JOIN_ANTI;
			leaves.addAll(nullableIf(nullable, leaves(targetExpression(inner, attno), inner)));
			return;
		}
		if (at.is("MODIFYTABLE")) {
			leaves.add(new Leaf(node, at)); // the target row's own column
			return;
		}
		if (INDEX_VAR.contains(varno) && at.is("INDEXONLYSCAN")) {
			// an index-only scan returns index columns: map the position back to the table's column
			List<Integer> columns = this.facts.indexColumns(at.number("indexid", 0));
			int column = (attno >= 1 && attno <= columns.size()) ? columns.get((int) attno - 1) : 0;
			if (column <= 0) {
				leaves.add(new Leaf(null, null));
				return;
			}
			Map<String, @Nullable Object> fields = new LinkedHashMap<>();
			fields.put("varno", String.valueOf(at.number("scanrelid", 0)));
			fields.put("varattno", String.valueOf(column));
			fields.put("varlevelsup", "0");
			leaves.add(new Leaf(new Node("VAR", fields), at));
			return;
		}
		if (varno != at.number("scanrelid", -1)) {
			leaves.add(new Leaf(null, null));
			return;
		}
		Node rte = rte(varno);
		long kind = (rte != null) ? rte.number("rtekind", -1) : -1;
		if (kind == RTE_RELATION) {
			leaves.add(new Leaf(node, at));
		}
		else if (kind == RTE_SUBQUERY && at.is("SUBQUERYSCAN")) {
			Node subplan = at.node("subplan");
			leaves.addAll(leaves(targetExpression(subplan, attno), subplan));
		}
		else if (kind == RTE_CTE && at.is("CTESCAN")) {
			Node cte = subplan(at.number("ctePlanId", 0));
			leaves.addAll(leaves(targetExpression(cte, attno), cte));
		}
		else if (kind == RTE_VALUES && at.is("VALUESSCAN")) {
			List<Object> rows = at.list("values_lists");
			if (rows.isEmpty()) {
				leaves.add(new Leaf(null, null));
			}
			for (Object row : rows) {
				List<?> values = (row instanceof List<?> list) ? list : List.of();
				leaves.addAll(leaves((attno >= 1 && attno <= values.size()) ? values.get((int) attno - 1) : null, at));
			}
		}
		else {
			leaves.add(new Leaf(null, null));
		}
	}

	private static List<Leaf> nullableIf(boolean nullable, List<Leaf> leaves) {
		if (!nullable) {
			return leaves;
		}
		List<Leaf> marked = new ArrayList<>();
		for (Leaf leaf : leaves) {
			marked.add(new Leaf(leaf.expression(), leaf.at(), true));
		}
		return marked;
	}

	private static long joinType(Node plan) {
		return (plan.is("NESTLOOP") || plan.is("HASHJOIN") || plan.is("MERGEJOIN")) ? plan.number("jointype", -1) : -1;
	}

	/** Whether a value is always the tenant: a parameter (bound to it), or the tenant column of a proved scan. */
	private boolean tenantValue(@Nullable Object expression, Node at, Set<Integer> parameters) {
		return tenantLeaves(expression, at, parameters) != null;
	}

	/** The provenance of a value that is always the tenant, or {@code null} when it may be something else. */
	private @Nullable List<Leaf> tenantLeaves(@Nullable Object expression, Node at, Set<Integer> parameters) {
		List<Leaf> leaves = leaves(expression, at);
		Set<Integer> found = new TreeSet<>();
		for (Leaf leaf : leaves) {
			Node node = leaf.expression();
			if (node == null || leaf.at() == null) {
				return null;
			}
			if (node.is("PARAM")) {
				found.add((int) node.number("paramid", 0));
				continue;
			}
			if (!node.is("VAR")) {
				return null;
			}
			TenancyFacts.Relation relation = leaf.at().is("MODIFYTABLE") ? targetRelation(leaf.at())
					: relationOf(rte(node.number("varno", 0)));
			if (relation == null || relation.kind() != TenancyFacts.Kind.TENANT
					|| node.number("varattno", 0) != relation.tenantAttno()) {
				return null;
			}
			if (!leaf.at().is("MODIFYTABLE") && !scanBound(leaf.at())) {
				return null;
			}
		}
		if (leaves.isEmpty()) {
			return null;
		}
		parameters.addAll(found);
		return leaves;
	}

	// ---- writes

	private TenancyFacts.@Nullable Relation targetRelation(Node modify) {
		List<Long> results = modify.numbers("resultRelations");
		return results.isEmpty() ? null : relationOf(rte(results.get(0)));
	}

	private void checkWrite(Node modify) {
		List<Long> results = modify.numbers("resultRelations");
		if (results.isEmpty()) {
			refuse("write", "writes a relation dbkit cannot identify");
			return;
		}
		// a partitioned or inherited table has one result relation per partition or child, each with its own
		// column numbers and its own lists of columns and actions
		for (int i = 0; i < results.size(); i++) {
			TenancyFacts.Relation table = relationOf(rte(results.get(i)));
			if (table == null) {
				refuse("write", "writes a relation dbkit cannot identify");
				continue;
			}
			checkWrite(modify, table, i);
		}
	}

	private void checkWrite(Node modify, TenancyFacts.Relation table, int index) {
		int operation = (int) modify.number("operation", 0);
		if (operation != CMD_DELETE) {
			// what PostgreSQL runs for each written row out of sight of the plan: CHECK constraints (also of
			// domains), index expressions and predicates; judged like the statement's own calls
			this.via = "writes " + table.name() + ", whose check constraint or index";
			for (Object tree : this.facts.writeTimeTrees(table.oid())) {
				if (tree instanceof Node node && node.is("UNREADABLE")) {
					refuse(table.name(), this.via + " dbkit cannot read, so it cannot judge what it runs");
				}
				else {
					checkFunctionsIn(tree);
				}
			}
			this.via = null;
		}
		switch (table.kind()) {
			case CHILD, OPAQUE, SYSTEM -> {
				refuse(table.name(), "writes " + table.name() + ", which has no " + this.tenantColumn + " column, so the "
						+ "written rows cannot be bound to the tenant: add " + this.tenantColumn + " to " + table.name()
						+ ", declare it global, or mark a platform query with -- dbkit:cross-tenant");
				return;
			}
			case GLOBAL, UNSCOPED -> {
				refuse(table.name(), "writes " + table.name() + ", which is shared by every tenant: changing it is a "
						+ "platform operation, not a tenant's; mark the query -- dbkit:cross-tenant");
				return;
			}
			case TENANT -> {
			}
		}
		if (operation != CMD_DELETE && table.tenantGenerated()) {
			refuse(table.name(), "writes " + table.name() + ", whose " + this.tenantColumn + " is generated from other "
					+ "columns, so a write of those moves rows between tenants: make " + this.tenantColumn
					+ " a plain column");
		}
		if (operation != CMD_DELETE && table.generatedCallsSchemaFunction()) {
			refuse(table.name(), "writes " + table.name() + ", which has a generated column that calls a function "
					+ "defined in the schema, whose body dbkit cannot see: compute the value in the query");
		}
		Node input = modify.node("lefttree");
		if (operation == CMD_INSERT) {
			Set<Integer> parameters = new TreeSet<>();
			if (writtenTenant(insertedValue(input, table.tenantAttno()), input, table, parameters)) {
				this.tenantParameters.addAll(parameters);
			}
			else {
				refuse(table.name(), "inserts into tenant-scoped table " + table.name() + " a " + this.tenantColumn
						+ " that is not the tenant: insert a parameter `$n` (dbkit binds it from TenantContext) or the "
						+ this.tenantColumn + " of a scan bound to the tenant, in every row, or mark a platform query "
						+ "with -- dbkit:cross-tenant");
			}
			checkReferences(modify, table, input, (column) -> insertedValue(input, column), input, null);
			if (modify.number("onConflictAction", 0) == ONCONFLICT_UPDATE) {
				checkConflictTarget(modify, table);
				checkAssignments(modify, table, modify.nodes("onConflictSet"), modify.numbers("onConflictCols"), modify,
						"ON CONFLICT DO UPDATE");
			}
		}
		else if (operation == CMD_UPDATE) {
			checkRowMovement(modify, table);
			List<Object> colnoLists = modify.list("updateColnosLists");
			List<Long> colnos = (index < colnoLists.size() && colnoLists.get(index) instanceof List<?> list)
					? NodeTree.numbers(list) : List.of();
			checkAssignments(modify, table, (input != null) ? input.nodes("targetlist") : List.of(), colnos, input,
					"UPDATE");
		}
		else if (operation == CMD_MERGE) {
			List<Object> actionLists = modify.list("mergeActionLists");
			if (index < actionLists.size() && actionLists.get(index) instanceof List<?> list) {
				for (Object item : list) {
					if (item instanceof Node action) {
						checkMergeAction(modify, table, action);
					}
				}
			}
		}
		else if (operation != CMD_DELETE) {
			refuse(table.name(), "performs a write on " + table.name() + " that dbkit does not model");
		}
	}

	/**
	 * An UPDATE of a partition key moves rows into another partition, which inserts every column again under that
	 * partition's foreign keys: values this statement never wrote (and so never proved) are then checked against,
	 * and may come to point at, another tenant's rows.
	 */
	private void checkRowMovement(Node modify, TenancyFacts.Relation partition) {
		if (!"true".equals(modify.string("partColsUpdated"))) {
			return;
		}
		long rootRti = modify.number("rootRelation", 0);
		TenancyFacts.Relation root = (rootRti > 0) ? relationOf(rte(rootRti)) : partition;
		if (root == null) {
			return;
		}
		List<Long> family = new ArrayList<>(List.of(root.oid()));
		family.addAll(this.facts.descendants(root.oid()));
		for (long member : family) {
			for (TenancyFacts.ForeignKey key : this.facts.foreignKeysOf(member)) {
				TenancyFacts.Relation table = this.facts.relation(member);
				TenancyFacts.Relation referenced = this.facts.relation(key.referenced());
				boolean owned = referenced != null
						&& (referenced.kind() == TenancyFacts.Kind.TENANT || referenced.kind() == TenancyFacts.Kind.CHILD);
				if (table != null && owned && !tenantSafe(key, table, referenced)) {
					refuse(root.name(), "moves rows between partitions of " + root.name() + " (it updates the partition "
							+ "key), and " + table.name() + " has a foreign key to " + referenced.name() + " without "
							+ this.tenantColumn + ": the moved rows' values would be checked against, and could point at, "
							+ "another tenant's rows; make the foreign key include " + this.tenantColumn
							+ " or do not update the partition key");
					return;
				}
			}
		}
	}

	/**
	 * Whether a value written into a table's tenant column is the tenant: {@link #tenantValue}, and never NULL where
	 * the column takes NULL (a row with no tenant).
	 */
	private boolean writtenTenant(@Nullable Object expression, @Nullable Node at, TenancyFacts.Relation table,
			Set<Integer> parameters) {
		List<Leaf> leaves = (at != null) ? tenantLeaves(expression, at, parameters) : null;
		return leaves != null && (table.tenantNotNull() || leaves.stream().noneMatch(Leaf::maybeNull));
	}

	/** The value an INSERT's input writes into column {@code attno} (its target list is in column order). */
	private static @Nullable Node insertedValue(@Nullable Node input, long attno) {
		if (input == null) {
			return null;
		}
		for (Node target : input.nodes("targetlist")) {
			if (target.number("resno", 0) == attno) {
				return target.node("expr");
			}
		}
		return null;
	}

	private void checkMergeAction(Node modify, TenancyFacts.Relation partition, Node action) {
		int command = (int) action.number("commandType", 0);
		List<Node> targets = action.nodes("targetList");
		// an INSERT action goes through the root of a partitioned table, in the root's column numbers
		TenancyFacts.Relation root = (modify.number("rootRelation", 0) > 0)
				? relationOf(rte(modify.number("rootRelation", 0))) : null;
		TenancyFacts.Relation table = (command == CMD_INSERT && root != null) ? root : partition;
		if (command == CMD_INSERT) {
			Set<Integer> parameters = new TreeSet<>();
			Node value = null;
			for (Node target : targets) {
				if (target.number("resno", 0) == table.tenantAttno()) {
					value = target.node("expr");
				}
			}
			if (writtenTenant(value, modify, table, parameters)) {
				this.tenantParameters.addAll(parameters);
			}
			else {
				refuse(table.name(), "inserts into tenant-scoped table " + table.name() + " (MERGE ... INSERT) a "
						+ this.tenantColumn + " that is not the tenant: insert a parameter `$n` as " + this.tenantColumn
						+ ", or mark a platform query with -- dbkit:cross-tenant");
			}
			checkReferences(modify, table, modify, (column) -> {
				for (Node target : targets) {
					if (target.number("resno", 0) == column) {
						return target.node("expr");
					}
				}
				return null;
			}, modify.node("lefttree"), null);
		}
		else if (command == CMD_UPDATE) {
			checkAssignments(modify, table, targets, action.numbers("updateColnos"), modify, "MERGE ... UPDATE");
		}
	}

	/** SET lists: the tenant column only ever set to the tenant, references only to the tenant's rows. */
	private void checkAssignments(Node modify, TenancyFacts.Relation table, List<Node> targets, List<Long> columns,
			@Nullable Node at, String clause) {
		if (at == null) {
			return;
		}
		Map<Long, Node> assigned = new LinkedHashMap<>();
		for (int i = 0; i < columns.size() && i < targets.size(); i++) {
			assigned.put(columns.get(i), targets.get(i).node("expr"));
		}
		Node value = assigned.get((long) table.tenantAttno());
		if (assigned.containsKey((long) table.tenantAttno())) {
			Set<Integer> parameters = new TreeSet<>();
			if (writtenTenant(value, at, table, parameters)) {
				this.tenantParameters.addAll(parameters);
			}
			else {
				refuse(table.name(), "sets " + table.name() + "." + this.tenantColumn + " in " + clause + " to something "
						+ "other than the tenant, which moves rows into another tenant: remove " + this.tenantColumn
						+ " from the SET list");
			}
		}
		checkReferences(modify, table, at, (column) -> assigned.get(column), modify.node("lefttree"),
				assigned.keySet());
	}

	/** ON CONFLICT DO UPDATE may only reach an existing row of the tenant. */
	private void checkConflictTarget(Node modify, TenancyFacts.Relation table) {
		List<Long> arbiters = modify.numbers("arbiterIndexes");
		boolean keyed = !arbiters.isEmpty() && arbiters.stream()
			.allMatch((index) -> this.facts.indexKeyColumns(index).contains(table.tenantAttno()));
		if (keyed) {
			return;
		}
		long target = modify.numbers("resultRelations").isEmpty() ? -1 : modify.numbers("resultRelations").get(0);
		for (Object conjunct : PlanTrees.conjuncts(modify.get("onConflictWhere"))) {
			if (conjunct instanceof Node op && op.is("OPEXPR") && exactEquality(op)
					&& op.list("args").size() == 2) {
				for (int i = 0; i < 2; i++) {
					Node column = (op.list("args").get(i) instanceof Node n) ? stripRelabel(n) : null;
					Node other = (op.list("args").get(1 - i) instanceof Node n) ? stripRelabel(n) : null;
					if (column != null && column.is("VAR") && column.number("varno", 0) == target
							&& column.number("varattno", 0) == table.tenantAttno() && other != null && other.is("PARAM")
							&& other.number("paramkind", -1) == 0) {
						this.tenantParameters.add((int) other.number("paramid", 0));
						return;
					}
				}
			}
		}
		refuse(table.name(), "may update another tenant's row of " + table.name() + ": its ON CONFLICT target is not "
				+ "keyed by " + this.tenantColumn + " (an index that has it only as an INCLUDE column, or under a "
				+ "collation that calls different values equal, does not count); "
				+ "conflict on a unique index or constraint whose key columns include " + this.tenantColumn);
	}

	private interface ColumnValues {

		@Nullable Node value(long column);

	}

	/**
	 * A value written into a foreign key that references a tenant-scoped table without the tenant column must be a
	 * row of the tenant.
	 */
	private void checkReferences(Node modify, TenancyFacts.Relation table, @Nullable Node at, ColumnValues values,
			@Nullable Node input, java.util.@Nullable Collection<Long> onlyColumns) {
		// the keys of the table and of its partitions and inheritance children (rows written through the table land
		// there), with their columns in the table's numbering
		List<TenancyFacts.ForeignKey> keys = new ArrayList<>(this.facts.foreignKeysOf(table.oid()));
		for (long descendant : this.facts.descendants(table.oid())) {
			TenancyFacts.Relation child = this.facts.relation(descendant);
			if (child == null) {
				continue;
			}
			for (TenancyFacts.ForeignKey key : this.facts.foreignKeysOf(descendant)) {
				List<Integer> columns = new ArrayList<>();
				for (int column : key.columns()) {
					columns.add(table.attno(child.column(column)));
				}
				if (!columns.contains(0)) {
					keys.add(new TenancyFacts.ForeignKey(table.oid(), columns, key.referenced(), key.referencedColumns()));
				}
			}
		}
		for (TenancyFacts.ForeignKey key : keys) {
			TenancyFacts.Relation referenced = this.facts.relation(key.referenced());
			// a child table's rows cannot be bound to a tenant, so a reference to one is never provable
			boolean owned = referenced != null
					&& (referenced.kind() == TenancyFacts.Kind.TENANT || referenced.kind() == TenancyFacts.Kind.CHILD);
			if (!owned || tenantSafe(key, table, referenced)) {
				continue;
			}
			for (int i = 0; i < key.columns().size(); i++) {
				long column = key.columns().get(i);
				if (onlyColumns != null && !onlyColumns.contains(column)) {
					continue;
				}
				Node value = values.value(column);
				if (at == null
						|| !ownedReference(value, at, referenced, key.referencedColumns().get(i), input, modify, column)) {
					refuse(table.name(), "writes " + table.name() + "." + table.column((int) column) + ", which references "
							+ referenced.name() + "(" + referenced.column(key.referencedColumns().get(i)) + ") without "
							+ this.tenantColumn + ", with a value that may be another tenant's row: take it from a scan "
							+ "of " + referenced.name() + " bound to the tenant, guard the write with `WHERE EXISTS (SELECT "
							+ "1 FROM " + referenced.name() + " WHERE " + this.tenantColumn + " = $n AND "
							+ referenced.column(key.referencedColumns().get(i)) + " = $k)`, or make the foreign key ("
							+ this.tenantColumn + ", " + table.column((int) column) + ") REFERENCES " + referenced.name()
							+ " (" + this.tenantColumn + ", " + referenced.column(key.referencedColumns().get(i)) + ")");
				}
			}
		}
	}

	/** A foreign key that pairs the tenant columns: the database itself refuses another tenant's row. */
	private static boolean tenantSafe(TenancyFacts.ForeignKey key, TenancyFacts.Relation table,
			TenancyFacts.Relation referenced) {
		for (int i = 0; i < key.columns().size(); i++) {
			if (key.columns().get(i) == table.tenantAttno()
					&& key.referencedColumns().get(i) == referenced.tenantAttno()) {
				return true;
			}
		}
		return false;
	}

	private boolean ownedReference(@Nullable Node value, Node at, TenancyFacts.Relation referenced, int column,
			@Nullable Node input, Node modify, long written) {
		List<Leaf> leaves = leaves(value, at);
		for (Leaf leaf : leaves) {
			Node node = leaf.expression();
			if (node == null || leaf.at() == null) {
				return false;
			}
			if (node.is("CONST")) {
				if (!"true".equals(node.string("constisnull"))) {
					return false;
				}
				continue;
			}
			if (node.is("VAR") && leaf.at().is("MODIFYTABLE")) {
				if (leaf.at() == modify) {
					// the target row's own value of this very column, unchanged; any other column's value is not a
					// reference the tenant owns
					if (node.number("varattno", 0) != written
							|| !modify.numbers("resultRelations").contains(node.number("varno", 0))) {
						return false;
					}
					continue;
				}
				// the referenced column of a row another write of the statement inserted or updated (RETURNING of a
				// data-modifying CTE): its writes are proved to be the tenant's
				long other = leaf.at().number("operation", 0);
				TenancyFacts.Relation written2 = targetRelation(leaf.at());
				if ((other != CMD_INSERT && other != CMD_UPDATE) || written2 == null
						|| written2.oid() != referenced.oid() || node.number("varattno", 0) != column) {
					return false;
				}
				continue;
			}
			if (node.is("VAR")) {
				TenancyFacts.Relation relation = relationOf(rte(node.number("varno", 0)));
				if (relation == null || relation.oid() != referenced.oid() || node.number("varattno", 0) != column
						|| !scanBound(leaf.at())) {
					return false;
				}
				continue;
			}
			if (node.is("PARAM") && !guarded((int) node.number("paramid", 0), referenced, column, input)) {
				return false;
			}
		}
		return !leaves.isEmpty();
	}

	/**
	 * Whether the write happens only if a proved scan of the referenced table finds the row {@code column = $k}: the
	 * scan is on the write's input along inner or semi joins, or in an EXISTS that gates it.
	 */
	private boolean guarded(int parameter, TenancyFacts.Relation referenced, int column, @Nullable Node input) {
		Set<Node> required = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		required(input, required);
		for (Node scan : required) {
			if (scan.number("scanrelid", 0) <= 0 || scan.is("BITMAPINDEXSCAN")) {
				continue;
			}
			TenancyFacts.Relation relation = relationOf(rte(scan.number("scanrelid", 0)));
			if (relation == null || relation.oid() != referenced.oid() || !scanBound(scan)) {
				continue;
			}
			for (Object conjunct : PlanTrees.scanConjuncts(scan)) {
				if (conjunct instanceof Node op && op.is("OPEXPR") && exactEquality(op)
						&& op.list("args").size() == 2) {
					for (int i = 0; i < 2; i++) {
						Node other = (op.list("args").get(1 - i) instanceof Node n) ? stripRelabel(n) : null;
						if (isColumnOf(op.list("args").get(i), scan, column) && other != null && other.is("PARAM")
								&& other.number("paramkind", -1) == 0 && other.number("paramid", 0) == parameter) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	/** The plan nodes each of whose output rows is needed for a row of {@code plan}. */
	private void required(@Nullable Node plan, Set<Node> required) {
		if (plan == null || !required.add(plan)) {
			return;
		}
		List<Object> gates = new ArrayList<>(PlanTrees.conjuncts(plan.get("qual")));
		gates.addAll(PlanTrees.conjuncts(plan.get("resconstantqual")));
		for (Object gate : gates) {
			if (!(gate instanceof Node node)) {
				continue;
			}
			if (node.is("SUBPLAN") && node.number("subLinkType", -1) == EXISTS_SUBLINK) {
				required(subplan(node.number("plan_id", 0)), required);
			}
			else if (node.is("PARAM") && node.number("paramkind", -1) == 1) {
				for (Source source : this.execSources.getOrDefault(node.number("paramid", -1), List.of())) {
					if (source.existsPlan() >= 0) {
						required(subplan(source.existsPlan()), required);
					}
				}
			}
		}
		switch (plan.label()) {
			case "NESTLOOP", "HASHJOIN", "MERGEJOIN" -> {
				long type = plan.number("jointype", -1);
				if (type == 0 || type == 4) { // inner, semi
					required(plan.node("lefttree"), required);
					required(plan.node("righttree"), required);
				}
				else if (type == 1 || type == 5) { // left, anti: the outer side
					required(plan.node("lefttree"), required);
				}
				else if (type == 3) { // right: the inner side
					required(plan.node("righttree"), required);
				}
			}
			case "HASH", "MATERIAL", "MEMOIZE", "SORT", "INCREMENTALSORT", "UNIQUE", "LOCKROWS", "RESULT", "GATHER",
					"GATHERMERGE", "LIMIT", "WINDOWAGG", "PROJECTSET" ->
				required(plan.node("lefttree"), required);
			case "AGG" -> {
				long strategy = plan.number("aggstrategy", 0);
				// grouped: no input, no row; but ROLLUP, CUBE and GROUPING SETS make total rows from nothing
				if ((strategy == 1 || strategy == 2) && plan.list("groupingSets").isEmpty()) {
					required(plan.node("lefttree"), required);
				}
			}
			case "SUBQUERYSCAN" -> required(plan.node("subplan"), required);
			default -> {
			}
		}
	}

	// ---- functions

	private void checkFunctions(Node plan) {
		for (Object expression : PlanTrees.expressions(plan)) {
			checkFunctionsIn(expression);
		}
	}

	private void checkFunctionsIn(@Nullable Object tree) {
		PlanTrees.walk(tree, (node) -> {
			long function = switch (node.label()) {
				case "FUNCEXPR" -> node.number("funcid", 0);
				case "OPEXPR", "DISTINCTEXPR", "NULLIFEXPR", "SCALARARRAYOPEXPR" -> {
					// before planning an operator's function is not filled in yet
					long funcid = node.number("opfuncid", 0);
					yield (funcid != 0) ? funcid : this.facts.operatorFunction(node.number("opno", 0));
				}
				case "AGGREF" -> node.number("aggfnoid", 0);
				case "WINDOWFUNC" -> node.number("winfnoid", 0);
				default -> 0;
			};
			if (function != 0) {
				checkFunction(function);
			}
			// every type the node names (results, parameters, constants, column definitions of functions and table
			// functions): a value of a domain whose CHECK calls a schema function runs that function
			boolean unsafeType = false;
			for (Map.Entry<String, @Nullable Object> field : node.fields().entrySet()) {
				String name = field.getKey().substring(field.getKey().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
				if (!name.endsWith("type") && !name.endsWith("types") && !name.endsWith("typid")
						&& !name.endsWith("typeid")) {
					continue;
				}
				List<Long> types = (field.getValue() instanceof List<?> list) ? NodeTree.numbers(list)
						: (field.getValue() instanceof String token && !token.isEmpty()
								&& Character.isDigit(token.charAt(0))) ? List.of(Long.parseLong(token)) : List.of();
				for (long type : types) {
					unsafeType |= this.facts.isUnsafeDomain(type);
				}
			}
			if (unsafeType) {
				refuse("domain", "uses a domain whose CHECK calls a function defined in the schema (every value of it runs "
						+ "that function, whose body dbkit cannot see): check the value in the query instead");
			}
			// operators also sit in sorts, groupings, row comparisons and hashes, as bare OIDs: one defined in the
			// schema (with the support functions of its operator class) runs code the plan does not show
			for (Map.Entry<String, @Nullable Object> field : node.fields().entrySet()) {
				String name = field.getKey().substring(field.getKey().lastIndexOf('.') + 1);
				if (!(name.equals("opno") || name.equals("opnos") || name.equals("eqop") || name.equals("sortop")
						|| name.endsWith("Operators"))) {
					continue;
				}
				List<Long> operators = (field.getValue() instanceof List<?> list) ? NodeTree.numbers(list)
						: (field.getValue() instanceof String token && !token.isEmpty()
								&& Character.isDigit(token.charAt(0))) ? List.of(Long.parseLong(token)) : List.of();
				for (long operator : operators) {
					if (operator >= TenancyFacts.FIRST_NORMAL_OBJECT_ID) {
						refuse(this.facts.operatorName(operator), "uses operator " + this.facts.operatorName(operator)
								+ ", defined in the schema: its function and operator class run code the plan does not "
								+ "show; use PostgreSQL's own operators");
					}
				}
			}
		});
	}

	/** Who calls the function being judged, when it is not the statement itself. */
	private @Nullable String via;

	private String calls() {
		return (this.via != null) ? this.via + " calls " : "calls ";
	}

	private void checkFunction(long oid) {
		TenancyFacts.Function function = this.facts.function(oid);
		if (function == null) {
			refuse("function " + oid, "calls a function dbkit does not know (oid " + oid + ")");
			return;
		}
		if (oid >= TenancyFacts.FIRST_NORMAL_OBJECT_ID) {
			// an extension is trusted for its compiled functions only: a migration can add any SQL function to it
			if (function.extension() != null && SESSION_BUILTINS.contains(function.name())) {
				refuseSessionChange(function.name());
				return;
			}
			// a volatile function may keep state in the session (pg_trgm's set_limit, isn's isn_weak): trusted only
			// when known to keep none
			if (function.extension() != null && SAFE_EXTENSIONS.contains(function.extension())
					&& (function.language().equals("c") || function.language().equals("internal"))
					&& !function.securityDefiner()
					&& (!function.volatileFunction() || STATELESS_VOLATILE_EXTENSION_FUNCTIONS.contains(function.name()))) {
				return;
			}
			String origin = (function.extension() != null) ? "of extension " + function.extension() : "defined in the schema";
			refuse(function.name(), calls() + function.schema() + "." + function.name() + ", a function " + origin
					+ " whose body dbkit cannot see: it may read or write any tenant's rows; compute it in the query, "
					+ "or mark a platform query with -- dbkit:cross-tenant");
			// nor can dbkit see whether it changes the session or has other effects: a platform query that calls it
			// says so (a tenant-scoped one is refused above anyway)
			refuse(function.name(), calls() + function.schema() + "." + function.name() + ", a function " + origin
					+ " whose body dbkit cannot see: it may change the session (a setting such as the role) or have "
					+ "other side effects; a platform query that calls it declares that with a -- dbkit:side-effects "
					+ "line, and its author answers for it", Finding.Kind.SIDE_EFFECT);
			return;
		}
		String name = function.name();
		if (SESSION_BUILTINS.contains(name)) {
			refuseSessionChange(name);
			return;
		}
		if (SIDE_EFFECT_BUILTINS.contains(name) || SIDE_EFFECT_PREFIXES.stream().anyMatch(name::startsWith)) {
			refuse(name, calls() + name + ", which has an effect beyond the rows it returns (a notification, a "
					+ "sequence, a large object, a lock, another session or the server): declare it with a -- "
					+ "dbkit:side-effects line under the query's name", Finding.Kind.SIDE_EFFECT);
			return;
		}
		if (SESSION_READERS.contains(name)) {
			refuse(name, calls() + name + ", which reads what earlier borrowers of the pooled connection left in the "
					+ "session (their prepared statements, cursors or settings, another tenant's among them): mark a "
					+ "platform query with -- dbkit:cross-tenant");
			return;
		}
		if (UNSAFE_BUILTINS.contains(name) || UNSAFE_BUILTIN_PREFIXES.stream().anyMatch(name::startsWith)) {
			refuse(name, calls() + name + ", which runs SQL given as text or reads data and statistics of every "
					+ "tenant: mark a platform query with -- dbkit:cross-tenant");
		}
	}

	private void refuseSessionChange(String name) {
		refuse(name, calls() + name + ", which changes the session beyond this statement (a setting, such as "
				+ "dbkit.tenant_id or the role, a session lock, a connection): on a pooled connection the next "
				+ "borrower would inherit it, so no generated call may"
				+ (name.startsWith("pg_advisory") || name.startsWith("pg_try_advisory")
						? "; pg_advisory_xact_lock takes a lock the transaction releases (declare it with -- "
								+ "dbkit:side-effects)"
						: ""),
				Finding.Kind.SESSION);
	}

	private void refuse(String object, String message) {
		refuse(object, message, Finding.Kind.TENANCY);
	}

	private void refuse(String object, String message, Finding.Kind kind) {
		this.findings.putIfAbsent(object + "\u0000" + message, new Finding(object, message, kind));
	}

}
