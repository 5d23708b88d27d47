package dev.dbkit.codegen.lint;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.dbkit.codegen.analyze.NodeTree.Node;
import dev.dbkit.codegen.analyze.PlanTrees;
import dev.dbkit.codegen.tenancy.TenancyFacts;

/**
 * The {@code soft-delete-filter} lint: the tables with a {@code deleted_at} column that a statement scans without any
 * condition on it (so soft-deleted rows come back). Read from the plan tree: a scan's conditions that refer to the
 * column by number, whatever the query calls it.
 */
public final class SoftDeleteFilterRule {

	/** The soft-delete column. */
	public static final String COLUMN = "deleted_at";

	private SoftDeleteFilterRule() {
	}

	/** The soft-delete tables the planned statements scan without a condition on {@code deleted_at}, by name. */
	public static List<String> unfiltered(List<Node> plannedStatements, TenancyFacts facts) {
		Set<String> tables = new LinkedHashSet<>();
		for (Node statement : plannedStatements) {
			for (Node plan : PlanTrees.planNodes(statement)) {
				TenancyFacts.Relation relation = facts.relation(PlanTrees.scannedRelation(statement, plan));
				int column = (relation != null) ? relation.columns().indexOf(COLUMN) + 1 : 0;
				if (column > 0 && !conditionOn(plan, column, facts)) {
					tables.add(relation.name());
				}
			}
		}
		return List.copyOf(tables);
	}

	private static boolean conditionOn(Node scan, int column, TenancyFacts facts) {
		long scanrelid = scan.number("scanrelid", 0);
		List<Integer> indexColumns = facts.indexColumns(scan.number("indexid", 0));
		boolean[] found = { false };
		for (Object conjunct : PlanTrees.scanConjuncts(scan)) {
			PlanTrees.walk(conjunct, (node) -> {
				if (!node.is("VAR") || node.number("varlevelsup", -1) != 0) {
					return;
				}
				long varno = node.number("varno", 0);
				long attno = node.number("varattno", 0);
				if (varno == scanrelid && attno == column) {
					found[0] = true;
				}
				else if (PlanTrees.INDEX_VAR.contains(varno) && attno >= 1 && attno <= indexColumns.size()
						&& indexColumns.get((int) attno - 1) == column) {
					found[0] = true;
				}
			});
		}
		return found[0];
	}

}
