package dev.dbkit.codegen.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.dbkit.codegen.analyze.NodeTree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant proof as a rule over plan trees, without a database: plans written in PostgreSQL's node serialization
 * (trimmed to the fields the proof reads) against a small schema of facts. The corpus tests run the same rule on
 * the plans a real server makes.
 */
class TenantProofTests {

	private static final long TASKS = 20000;

	private static final long PROJECTS = 20001;

	private static final long MILESTONES = 20002;

	private static final long EQ = 2972;

	// tasks(id, tenant_id, title), projects(id, tenant_id), milestones(id, tenant_id, project_id -> projects(id))
	private final TenancyFacts facts = new TenancyFacts(
			Map.of(TASKS, relation(TASKS, "tasks", List.of("id", "tenant_id", "title")), PROJECTS,
					relation(PROJECTS, "projects", List.of("id", "tenant_id")), MILESTONES,
					relation(MILESTONES, "milestones", List.of("id", "tenant_id", "project_id"))),
			List.of(new TenancyFacts.ForeignKey(MILESTONES, List.of(3), PROJECTS, List.of(1))), Map.of(),
			Map.of(2956L, new TenancyFacts.Function(2956, "pg_catalog", "uuid_eq", null), 30000L,
					new TenancyFacts.Function(30000, "public", "count_tasks", null)),
			Set.of(EQ));

	private static TenancyFacts.Relation relation(long oid, String name, List<String> columns) {
		return new TenancyFacts.Relation(oid, "public", name, 'r', 2, TenancyFacts.Kind.TENANT, columns);
	}

	@Test
	void aScanBoundByTheTenantParameterIsProvedAndNamesIt() {
		TenantProof.Result result = prove(statement(seqScan(1, eq(var(1, 2), param(1))), rte(TASKS)));
		assertThat(result.proved()).isTrue();
		assertThat(result.tenantParameters()).containsExactly(1);
	}

	@Test
	void anOrIsNotABinding() {
		TenantProof.Result result = prove(statement(
				seqScan(1, "{BOOLEXPR :boolop or :args (" + eq(var(1, 2), param(1)) + " " + eq(var(1, 1), param(2))
						+ ")}"),
				rte(TASKS)));
		assertThat(result.findings()).extracting(TenantProof.Finding::message)
			.singleElement()
			.asString()
			.startsWith("reads tenant-scoped table tasks without binding its tenant_id");
	}

	@Test
	void anOperatorThatIsNotPostgresEqualityIsNotABinding() {
		String fake = "{OPEXPR :opno 99999 :opfuncid 2956 :args (" + var(1, 2) + " " + param(1) + ")}";
		assertThat(prove(statement(seqScan(1, fake), rte(TASKS))).proved()).isFalse();
	}

	@Test
	void theTenantColumnComparedWithItselfIsNotABinding() {
		assertThat(prove(statement(seqScan(1, eq(var(1, 2), var(1, 2))), rte(TASKS))).proved()).isFalse();
	}

	@Test
	void anInsertMustWriteTheTenantInEveryRow() {
		String values = "{VALUESSCAN :scan.plan.targetlist (" + target(1, var(2, 1)) + " " + target(2, var(2, 2)) + " "
				+ target(3, var(2, 3)) + ") :scan.scanrelid 2 :values_lists ((" + param(1) + " " + param(2) + " "
				+ param(3) + ") (" + param(4) + " " + constant() + " " + param(3) + "))}";
		TenantProof.Result result = prove(statement(insert(values), rte(TASKS), "{RANGETBLENTRY :rtekind 5}"));
		assertThat(result.findings()).extracting(TenantProof.Finding::message)
			.singleElement()
			.asString()
			.startsWith("inserts into tenant-scoped table tasks a tenant_id that is not the tenant");

		String bothRows = values.replace(constant(), param(2));
		TenantProof.Result proved = prove(statement(insert(bothRows), rte(TASKS), "{RANGETBLENTRY :rtekind 5}"));
		assertThat(proved.proved()).isTrue();
		assertThat(proved.tenantParameters()).containsExactly(2);
	}

	@Test
	void aReferenceThroughAForeignKeyWithoutTheTenantMustBeTheTenantsRow() {
		// INSERT INTO milestones (id, tenant_id, project_id) VALUES ($1, $2, $3)
		String row = "{RESULT :plan.targetlist (" + target(1, param(1)) + " " + target(2, param(2)) + " "
				+ target(3, param(3)) + ") :plan.lefttree <> :resconstantqual <>}";
		TenantProof.Result unguarded = prove(statement(insert(row), rte(MILESTONES)));
		assertThat(unguarded.findings()).extracting(TenantProof.Finding::message)
			.singleElement()
			.asString()
			.startsWith("writes milestones.project_id, which references projects(id) without tenant_id");

		// ... SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM projects WHERE tenant_id = $2 AND id = $3)
		String guarded = "{RESULT :plan.targetlist (" + target(1, param(1)) + " " + target(2, param(2)) + " "
				+ target(3, param(3)) + ") :plan.lefttree <> :plan.initPlan ({SUBPLAN :subLinkType 0 :plan_id 1 "
				+ ":setParam (i 0) :parParam (i) :args <>}) :resconstantqual ({PARAM :paramkind 1 :paramid 0})}";
		String projects = seqScan(2, eq(var(2, 2), param(2)) + " " + eq(var(2, 1), param(3)));
		TenantProof.Result proved = prove(statementWithSubplans(insert(guarded), List.of(projects), rte(MILESTONES),
				rte(PROJECTS)));
		assertThat(proved.findings()).isEmpty();

		// NOT EXISTS does not guard
		String negated = guarded.replace(":resconstantqual ({PARAM :paramkind 1 :paramid 0})",
				":resconstantqual ({BOOLEXPR :boolop not :args ({PARAM :paramkind 1 :paramid 0})})");
		assertThat(prove(statementWithSubplans(insert(negated), List.of(projects), rte(MILESTONES), rte(PROJECTS)))
			.proved()).isFalse();
	}

	@Test
	void settingTheTenantColumnToAnythingButTheTenantIsRefused() {
		// UPDATE tasks SET tenant_id = 'constant' WHERE tenant_id = $1
		String scan = "{SEQSCAN :scan.plan.targetlist (" + target(1, constant()) + ") :scan.plan.qual ("
				+ eq(var(1, 2), param(1)) + ") :scan.scanrelid 1}";
		String update = "{MODIFYTABLE :plan.lefttree " + scan + " :operation 2 :resultRelations (i 1) "
				+ ":updateColnosLists ((i 2))}";
		assertThat(prove(statement(update, rte(TASKS))).findings()).extracting(TenantProof.Finding::message)
			.singleElement()
			.asString()
			.startsWith("sets tasks.tenant_id in UPDATE to something other than the tenant");
	}

	@Test
	void aFunctionDefinedInTheSchemaIsRefused() {
		String call = "{FUNCEXPR :funcid 30000 :args (" + var(1, 1) + ")}";
		String scan = "{SEQSCAN :scan.plan.targetlist (" + target(1, call) + ") :scan.plan.qual ("
				+ eq(var(1, 2), param(1)) + ") :scan.scanrelid 1}";
		List<TenantProof.Finding> findings = prove(statement(scan, rte(TASKS))).findings();
		assertThat(findings).filteredOn((f) -> f.kind() == TenantProof.Finding.Kind.TENANCY)
			.extracting(TenantProof.Finding::message)
			.singleElement()
			.asString()
			.startsWith("calls public.count_tasks, a function defined in the schema whose body dbkit cannot see: it "
					+ "may read or write any tenant's rows");
		// and, for a platform query, which may call it: its body may change the session, which it must declare
		assertThat(findings).filteredOn((f) -> f.kind() == TenantProof.Finding.Kind.SIDE_EFFECT)
			.extracting(TenantProof.Finding::message)
			.singleElement()
			.asString()
			.contains("it may change the session");
	}

	private TenantProof.Result prove(String statement) {
		return TenantProof.prove(this.facts, "tenant_id", List.of(NodeTree.parseNode(statement)));
	}

	private static String statement(String plan, String... rtable) {
		return statementWithSubplans(plan, List.of(), rtable);
	}

	private static String statementWithSubplans(String plan, List<String> subplans, String... rtable) {
		return "{PLANNEDSTMT :planTree " + plan + " :rtable (" + String.join(" ", rtable) + ") :subplans ("
				+ String.join(" ", subplans) + ")}";
	}

	private static String insert(String input) {
		return "{MODIFYTABLE :plan.lefttree " + input + " :operation 3 :resultRelations (i 1) :onConflictAction 0}";
	}

	private static String rte(long relid) {
		return "{RANGETBLENTRY :rtekind 0 :relid " + relid + " :relkind r}";
	}

	private static String seqScan(int rti, String quals) {
		return "{SEQSCAN :scan.plan.targetlist () :scan.plan.qual (" + quals + ") :scan.scanrelid " + rti + "}";
	}

	private static String eq(String left, String right) {
		return "{OPEXPR :opno " + EQ + " :opfuncid 2956 :args (" + left + " " + right + ")}";
	}

	private static String var(int varno, int attno) {
		return "{VAR :varno " + varno + " :varattno " + attno + " :varlevelsup 0}";
	}

	private static String param(int id) {
		return "{PARAM :paramkind 0 :paramid " + id + "}";
	}

	private static String constant() {
		return "{CONST :consttype 2950 :constisnull false :constvalue 16 [ 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 ]}";
	}

	private static String target(int resno, String expression) {
		return "{TARGETENTRY :expr " + expression + " :resno " + resno + "}";
	}

}
