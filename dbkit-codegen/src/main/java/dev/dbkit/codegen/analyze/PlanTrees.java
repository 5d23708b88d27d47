package dev.dbkit.codegen.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.analyze.NodeTree.Node;

/**
 * The shape of a planned statement ({@code PLANNEDSTMT} as {@code debug_print_plan} sends it): its plan nodes, their
 * children and expressions, the range table, and the conditions of a scan. What the rules over plans share.
 */
public final class PlanTrees {

	/** The varno of a Var that refers to the inner child's output (negative since PostgreSQL 16). */
	public static final Set<Long> INNER_VAR = Set.of(-1L, 65000L);

	/** The varno of a Var that refers to the outer child's output. */
	public static final Set<Long> OUTER_VAR = Set.of(-2L, 65001L);

	/** The varno of a Var that refers to a column of the scan's index. */
	public static final Set<Long> INDEX_VAR = Set.of(-3L, 65002L);

	private static final List<String> CHILD_FIELDS = List.of("lefttree", "righttree", "appendplans", "mergeplans",
			"bitmapplans", "custom_plans");

	private PlanTrees() {
	}

	/** Every plan node of the statement: the main plan's and every sub-plan's (InitPlans, SubPlans, CTEs). */
	public static List<Node> planNodes(Node statement) {
		List<Node> plans = new ArrayList<>();
		Node root = statement.node("planTree");
		if (root != null) {
			collect(root, plans);
		}
		for (Object subplan : statement.list("subplans")) {
			if (subplan instanceof Node node) {
				collect(node, plans);
			}
		}
		return plans;
	}

	private static void collect(Node plan, List<Node> plans) {
		plans.add(plan);
		for (Node child : children(plan)) {
			collect(child, plans);
		}
	}

	/** The child plans of a plan node. */
	public static List<Node> children(Node plan) {
		List<Node> children = new ArrayList<>();
		for (String field : CHILD_FIELDS) {
			Object value = plan.get(field);
			if (value instanceof Node node) {
				children.add(node);
			}
			else if (value instanceof List<?>) {
				children.addAll(plan.nodes(field));
			}
		}
		if (plan.is("SUBQUERYSCAN") && plan.get("subplan") instanceof Node subplan) {
			children.add(subplan);
		}
		return children;
	}

	/** The expressions of a plan node: every field but its child plans. */
	public static List<Object> expressions(Node plan) {
		List<Object> expressions = new ArrayList<>();
		for (Map.Entry<String, @Nullable Object> field : plan.fields().entrySet()) {
			String name = field.getKey();
			String last = name.substring(name.lastIndexOf('.') + 1);
			if (field.getValue() == null || CHILD_FIELDS.contains(last)
					|| (plan.is("SUBQUERYSCAN") && last.equals("subplan"))) {
				continue;
			}
			expressions.add(field.getValue());
		}
		return expressions;
	}

	/** The range table entry {@code index} (1-based), if any. */
	public static @Nullable Node rte(Node statement, long index) {
		List<Node> rtable = statement.nodes("rtable");
		return (index >= 1 && index <= rtable.size()) ? rtable.get((int) index - 1) : null;
	}

	/**
	 * The relation a plan node scans (the OID of a range table entry of kind relation), or 0: not a scan, a bitmap
	 * index scan (its heap scan is the one that returns rows), or a scan of a subquery, CTE, function or VALUES.
	 */
	public static long scannedRelation(Node statement, Node plan) {
		long scanrelid = plan.number("scanrelid", 0);
		if (scanrelid <= 0 || plan.is("BITMAPINDEXSCAN")) {
			return 0;
		}
		Node rte = rte(statement, scanrelid);
		return (rte != null && rte.number("rtekind", -1) == 0) ? rte.number("relid", 0) : 0;
	}

	/**
	 * The top-level AND-ed conditions a scan applies to its rows: its filter and its index, bitmap and recheck
	 * conditions.
	 */
	public static List<Object> scanConjuncts(Node scan) {
		List<Object> conjuncts = new ArrayList<>();
		for (String field : List.of("qual", "indexqualorig", "indexqual", "bitmapqualorig", "recheckqual")) {
			conjuncts.addAll(conjuncts(scan.get(field)));
		}
		return conjuncts;
	}

	/** The top-level AND-ed conditions of a qual list. */
	public static List<Object> conjuncts(@Nullable Object qual) {
		List<Object> conjuncts = new ArrayList<>();
		if (qual instanceof List<?> list) {
			for (Object item : list) {
				conjuncts.addAll(conjuncts(item));
			}
		}
		else if (qual instanceof Node node) {
			if (node.is("BOOLEXPR") && "and".equals(node.string("boolop"))) {
				conjuncts.addAll(conjuncts(node.get("args")));
			}
			else {
				conjuncts.add(node);
			}
		}
		return conjuncts;
	}

	/** Every node of a tree, depth first. */
	public static void walk(@Nullable Object value, java.util.function.Consumer<Node> visitor) {
		if (value instanceof Node node) {
			visitor.accept(node);
			for (Object field : node.fields().values()) {
				walk(field, visitor);
			}
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				walk(item, visitor);
			}
		}
	}

}
