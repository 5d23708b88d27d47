package dev.dbkit.codegen.analyze;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One node of {@code EXPLAIN (GENERIC_PLAN, VERBOSE, FORMAT JSON)}, with the fields the nullability analysis reads
 * (the tenant proof reads the plan tree itself, {@link NodeTree}).
 *
 * @param type "Node Type", such as {@code Seq Scan} or {@code ModifyTable}
 * @param relation "Relation Name" of a scan or modify node
 * @param schema its "Schema"
 * @param alias "Alias" of the relation, subquery or CTE scanned
 * @param output the "Output" expressions
 * @param joinType "Join Type" of a join node
 * @param parentRelationship how this node feeds its parent ("Outer", "Inner", "InitPlan", ...)
 * @param operation "Operation" of a ModifyTable node (Insert, Update, Delete)
 * @param subplanName "Subplan Name" of an InitPlan or SubPlan, such as {@code InitPlan 1}
 * @param children the child plans
 */
public record PlanNode(String type, @Nullable String relation, @Nullable String schema, @Nullable String alias,
		List<String> output, @Nullable String joinType, @Nullable String parentRelationship, @Nullable String operation,
		@Nullable String subplanName, List<PlanNode> children) {

	static PlanNode of(JsonNode json) {
		List<PlanNode> children = new ArrayList<>();
		for (JsonNode child : json.path("Plans")) {
			children.add(of(child));
		}
		return new PlanNode(json.path("Node Type").asString(""), text(json, "Relation Name"), text(json, "Schema"),
				text(json, "Alias"), strings(json.path("Output")), text(json, "Join Type"),
				text(json, "Parent Relationship"), text(json, "Operation"), text(json, "Subplan Name"), children);
	}

	/** This node and all below it, depth first. */
	public List<PlanNode> all() {
		List<PlanNode> nodes = new ArrayList<>();
		collect(this, nodes);
		return nodes;
	}

	private static void collect(PlanNode node, List<PlanNode> nodes) {
		nodes.add(node);
		for (PlanNode child : node.children) {
			collect(child, nodes);
		}
	}

	private static @Nullable String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		for (JsonNode value : array) {
			values.add(value.asString());
		}
		return values;
	}

}
