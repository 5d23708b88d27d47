package dev.dbkit.codegen.analyze;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dbkit.codegen.analyze.NodeTree.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The reader of PostgreSQL's node serialization: what the server writes is read back as the server would read it,
 * whatever identifiers and literals the statement contains.
 */
class NodeTreeTests {

	@Test
	void readsNodesListsTokensAndNulls() {
		Node node = NodeTree.parseNode("{OPEXPR :opno 2972 :opfuncid 2956 :args ({VAR :varno 1 :varattno 2} "
				+ "{PARAM :paramkind 0 :paramid 1}) :location -1 :inputcollid <>}");
		assertThat(node.label()).isEqualTo("OPEXPR");
		assertThat(node.number("opno", 0)).isEqualTo(2972);
		assertThat(node.nodes("args")).extracting(Node::label).containsExactly("VAR", "PARAM");
		assertThat(node.get("inputcollid")).isNull();
		assertThat(node.number("location", 0)).isEqualTo(-1);
	}

	@Test
	void embeddedFieldNamesAreFoundByTheirLastPart() {
		Node scan = NodeTree.parseNode("{SEQSCAN :scan.plan.qual <> :scan.scanrelid 3 :scan.plan.targetlist ()}");
		assertThat(scan.number("scanrelid", 0)).isEqualTo(3);
		assertThat(scan.list("targetlist")).isEmpty();
		assertThat(scan.list("qual")).isEmpty();
	}

	@Test
	void typedListsKeepTheirNumbers() {
		Node node = NodeTree.parseNode("{X :resultRelations (i 1 4) :arbiterIndexes (o 16493) :relids (b)}");
		assertThat(node.numbers("resultRelations")).containsExactly(1L, 4L);
		assertThat(node.numbers("arbiterIndexes")).containsExactly(16493L);
		assertThat(node.numbers("relids")).isEmpty();
	}

	@Test
	void datumBytesAreSkipped() {
		Node node = NodeTree.parseNode("{CONST :consttype 25 :constisnull false :constvalue 5 [ 20 0 0 0 120 ] "
				+ ":location 7}");
		assertThat(node.string("constvalue")).isEqualTo("5");
		assertThat(node.number("location", 0)).isEqualTo(7);
	}

	@Test
	void identifiersThatLookLikeStructureStayIdentifiers() {
		// an alias written "x :qual ({PARAM" is escaped by the server where it could end a token; a token that only
		// starts with a colon is still the value of the field before it
		Node node = NodeTree.parseNode("{TARGETENTRY :expr <> :resno 1 :resname :qual :ressortgroupref 0}");
		assertThat(node.string("resname")).isEqualTo(":qual");
		assertThat(node.number("ressortgroupref", -1)).isZero();

		Node escaped = NodeTree.parseNode("{ALIAS :aliasname a\\ \\{b\\}\\(c\\)\\\\ :colnames (\"tenant\\ id\" \"\\\"q\")}");
		assertThat(escaped.string("aliasname")).isEqualTo("a {b}(c)\\");
		assertThat(escaped.list("colnames")).containsExactly("tenant id", "\"q");
	}

	@Test
	void malformedTreesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NodeTree.parseNode("{OPEXPR :opno 1"));
		assertThatIllegalArgumentException().isThrownBy(() -> NodeTree.parseNode("{OPEXPR opno 1}"));
		assertThatIllegalArgumentException().isThrownBy(() -> NodeTree.parseNode("{OPEXPR :opno 1} extra"));
		assertThatIllegalArgumentException().isThrownBy(() -> NodeTree.parseNode("(1 2"));
		assertThat(NodeTree.parse("(\"a\" \"b\")")).isEqualTo(List.of("a", "b"));
	}

}
