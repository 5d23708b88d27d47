package dev.dbkit.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptSplitterTests {

	@Test
	void splitsAtTopLevelSemicolonsWithPositions() {
		List<SqlStatement> statements = SqlScriptSplitter.split("CREATE TABLE a (id int);\n\n  DROP TABLE b;\n");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("CREATE TABLE a (id int)", "DROP TABLE b");
		assertThat(statements.get(1).line()).isEqualTo(3);
		assertThat(statements.get(1).column()).isEqualTo(3);
	}

	@Test
	void semicolonsInsideLiteralsIdentifiersAndCommentsDoNotSplit() {
		String script = """
				INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'slash;');
				-- a comment; with a semicolon
				SELECT "odd;name" FROM t /* block; /* nested; */ still comment; */ WHERE x = 1;
				""";
		assertThat(SqlScriptSplitter.split(script)).extracting(SqlStatement::sql)
			.containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'slash;')",
					"SELECT \"odd;name\" FROM t /* block; /* nested; */ still comment; */ WHERE x = 1");
	}

	@Test
	void dollarQuotedBodiesAreOneStatement() {
		String script = """
				CREATE FUNCTION f() RETURNS trigger AS $$
				BEGIN
				  NEW.updated_at = now();
				  RETURN NEW;
				END;
				$$ LANGUAGE plpgsql;
				DO $body$ BEGIN PERFORM 1; END $body$;
				SELECT $1::int;
				""";
		List<SqlStatement> statements = SqlScriptSplitter.split(script);
		assertThat(statements).hasSize(3);
		assertThat(statements.get(0).sql()).endsWith("$$ LANGUAGE plpgsql");
		assertThat(statements.get(1).sql()).isEqualTo("DO $body$ BEGIN PERFORM 1; END $body$");
		assertThat(statements.get(2).sql()).isEqualTo("SELECT $1::int");
		assertThat(statements.get(2).line()).isEqualTo(8);
	}

	@Test
	void commentOnlyStatementsAreDropped() {
		assertThat(SqlScriptSplitter.split("-- nothing here\n;\n/* nor here */;\n   ")).isEmpty();
	}

	@Test
	void lastStatementWithoutSemicolonIsKept() {
		assertThat(SqlScriptSplitter.split("SELECT 1;\nSELECT 2  \n")).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void positionsMapToLinesInTheFile() {
		List<SqlStatement> statements = SqlScriptSplitter.split("SELECT 1;\n\nDROP\n  TABLE\n    nope;");
		SqlStatement drop = statements.get(1);
		assertThat(drop.line()).isEqualTo(3);
		// "nope" is at character 17 of "DROP\n  TABLE\n    nope"
		assertThat(drop.lineOf(drop.sql().indexOf("nope") + 1)).isEqualTo(5);
		assertThat(drop.lineOf(1)).isEqualTo(3);
	}

}
