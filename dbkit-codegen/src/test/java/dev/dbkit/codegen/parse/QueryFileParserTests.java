package dev.dbkit.codegen.parse;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dbkit.codegen.Diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query-file lexer and parser: headers, Javadoc, markers, parameters, and everything that must not be taken
 * for a parameter or a statement end.
 */
class QueryFileParserTests {

	@Test
	void headersJavadocAndMarkers() {
		QueryFileParser.Result result = parse("""
				-- File comment: belongs to the file.

				-- name: ListAll :many
				-- Lists everything.
				-- dbkit:cross-tenant
				--   Indented second line.
				SELECT * FROM t;

				-- name: Touch :exec
				UPDATE t SET x = 1
				""");
		assertThat(result.diagnostics()).isEmpty();
		List<Query> queries = result.file().queries();
		assertThat(queries).extracting(Query::name).containsExactly("ListAll", "Touch");
		assertThat(queries.get(0).command()).isEqualTo(QueryCommand.MANY);
		assertThat(queries.get(0).javadoc()).containsExactly("Lists everything.", "Indented second line.");
		assertThat(queries.get(0).crossTenant()).isTrue();
		assertThat(queries.get(0).line()).isEqualTo(3);
		assertThat(queries.get(1).crossTenant()).isFalse();
		assertThat(queries.get(1).command()).isEqualTo(QueryCommand.EXEC);
		assertThat(queries.get(1).sql()).isEqualTo("UPDATE t SET x = 1");
	}

	@Test
	void positionalParametersRepeatAndKeepTheirNumbers() {
		Query query = single("-- name: Q :many\nSELECT * FROM t WHERE a = $2 AND b = $1 OR c = $2;");
		assertThat(query.postgresSql()).isEqualTo("SELECT * FROM t WHERE a = $2 AND b = $1 OR c = $2");
		assertThat(query.jdbcSql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? OR c = ?");
		assertThat(query.slots()).containsExactly(2, 1, 2);
		assertThat(query.parameters()).extracting(ParameterRef::index).containsExactly(1, 2);
	}

	@Test
	void namedParametersAreNumberedByFirstAppearance() {
		Query query = single("""
				-- name: Q :many
				SELECT * FROM t WHERE a = @alpha AND b = sqlc.arg(beta) AND c = sqlc.narg('gamma') AND d = @alpha;
				""");
		assertThat(query.postgresSql()).isEqualTo("SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3 AND d = $1");
		assertThat(query.slots()).containsExactly(1, 2, 3, 1);
		assertThat(query.parameters()).extracting(ParameterRef::name).containsExactly("alpha", "beta", "gamma");
		assertThat(query.parameters()).extracting(ParameterRef::nullable).containsExactly(false, false, true);
	}

	@Test
	void literalsIdentifiersCommentsAndDollarQuotesAreNotParameters() {
		Query query = single("""
				-- name: Q :one
				SELECT '$1 @x; sqlc.arg(y)', E'it\\'s $2', "col$1", $$ @z; $3 $$, $tag$ ; $tag$ -- $4 @w ;
				     /* $5 /* nested ; */ @v */ , jsonb_col ? 'key', a @> b, c <@ d, e @@ f, $1
				FROM t;
				""");
		assertThat(query.parameters()).extracting(ParameterRef::index).containsExactly(1);
		assertThat(query.slots()).containsExactly(1);
		assertThat(query.jdbcSql()).contains("jsonb_col ?? 'key'").endsWith(", ?\nFROM t");
		assertThat(query.postgresSql()).contains("jsonb_col ? 'key'");
	}

	@Test
	void offsetsMapBackIntoTheFile() {
		String text = "-- name: Q :many\nSELECT *\n  FROM t WHERE a = @alpha AND nope = 1;\n";
		Query query = single(text);
		int nope = query.postgresSql().indexOf("nope") + 1;
		int offset = query.fileOffset(nope);
		assertThat(text.substring(offset, offset + 4)).isEqualTo("nope");
		assertThat(query.source().line(offset)).isEqualTo(3);
		assertThat(query.source().column(offset)).isEqualTo(31);
		assertThat(query.parameters().get(0).offset()).isEqualTo(text.indexOf("@alpha"));
	}

	@Test
	void problemsNameTheLineAndColumn() {
		QueryFileParser.Result result = parse("""
				SELECT 1;
				-- name: bad-name :one
				SELECT 1;
				-- name: NoCommand
				SELECT 1;
				-- name: Odd :single
				SELECT 1;
				-- name: Mixed :one
				SELECT $1, @b;
				-- name: Marker :one
				-- dbkit:cross-tenat
				SELECT 1;
				-- name: Huge :one
				SELECT $0, $99999999999;
				-- name: Empty :exec
				""");
		assertThat(result.diagnostics()).extracting(Diagnostic::toString).containsExactly(
				"q.sql:1:1: SQL outside a query: start each query with a `-- name: QueryName :command` line (for example "
						+ "`-- name: GetFeatureFlag :one`)",
				"q.sql:2:10: a query needs a name: write `-- name: QueryName :command`, the name in UpperCamelCase "
						+ "such as GetFeatureFlag",
				"q.sql:4:19: query NoCommand has no command: add :one, :many, :exec, :execrows, :execresult, :execlastid, :batchexec, :batchone, :batchmany or :copyfrom after its name",
				"q.sql:6:14: unknown command :single for query Odd: use :one, :many, :exec, :execrows, :execresult, :execlastid, :batchexec, :batchone, :batchmany or :copyfrom",
				"q.sql:11:4: unknown marker dbkit:cross-tenat: the known markers are -- dbkit:cross-tenant, "
						+ "-- dbkit:side-effects and -- dbkit:stream",
				"q.sql:14:8: parameter $0 in query Huge is out of range: PostgreSQL numbers parameters from $1 to $65535",
				"q.sql:15:1: query Empty has no SQL statement");
	}

	@Test
	void namedParametersFollowTheHighestPositionalOneWhenAQueryMixesBoth() {
		Query mixed = single("-- name: Mixed :many\nSELECT id FROM t WHERE a = @a AND tenant_id = $1 AND b = $2 "
				+ "AND c = sqlc.arg(c) AND d = @a\n");
		assertThat(mixed.postgresSql())
			.isEqualTo("SELECT id FROM t WHERE a = $3 AND tenant_id = $1 AND b = $2 AND c = $4 AND d = $3");
		assertThat(mixed.parameters()).extracting(ParameterRef::index).containsExactly(1, 2, 3, 4);
		assertThat(mixed.parameters()).extracting(ParameterRef::name).containsExactly(null, null, "a", "c");
	}

	@Test
	void sqlcSliceBecomesOneArrayParameter() {
		Query in = single("-- name: ByIds :many\nSELECT id FROM t WHERE tenant_id = @tenant AND id IN (sqlc.slice(ids))\n");
		assertThat(in.postgresSql()).isEqualTo("SELECT id FROM t WHERE tenant_id = $1 AND id = ANY($2)");
		assertThat(in.jdbcSql()).isEqualTo("SELECT id FROM t WHERE tenant_id = ? AND id = ANY(?)");
		Query notIn = single("-- name: NotIds :many\nSELECT id FROM t WHERE id not in ( sqlc.slice('ids') ) AND x = @x\n");
		assertThat(notIn.postgresSql()).isEqualTo("SELECT id FROM t WHERE id <> ALL($1) AND x = $2");
		assertThat(notIn.parameters()).extracting(ParameterRef::name).containsExactly("ids", "x");
		assertThat(parse("-- name: Loose :many\nSELECT sqlc.slice(ids)\n").diagnostics()).singleElement()
			.asString()
			.contains("q.sql:2:8: sqlc.slice(...) in query Loose goes alone inside IN (...)");
		assertThat(parse("-- name: Mixed :many\nSELECT 1 WHERE x IN (sqlc.slice(ids), 3)\n").diagnostics())
			.singleElement()
			.asString()
			.contains("goes alone inside IN (...)");
	}

	@Test
	void headersMayBeBlockCommentsAsSqlcAllows() {
		QueryFileParser.Result result = parse("""
				/* name: GetProject :one */
				-- The project.
				SELECT * FROM projects WHERE tenant_id = $1 AND id = $2;

				  /*name: ListProjects :many*/
				SELECT * FROM projects WHERE tenant_id = $1;
				/* name: Bad :first */
				SELECT 1;
				""");
		assertThat(result.file().queries()).extracting(Query::name).containsExactly("GetProject", "ListProjects");
		assertThat(result.file().queries().get(0).javadoc()).containsExactly("The project.");
		assertThat(result.file().queries().get(1).command()).isEqualTo(QueryCommand.MANY);
		assertThat(result.diagnostics()).extracting(Diagnostic::toString)
			.containsExactly("q.sql:7:14: unknown command :first for query Bad: use :one, :many, :exec, :execrows, :execresult, :execlastid, :batchexec, :batchone, :batchmany or :copyfrom");
	}

	@Test
	void whatPostgresOrTheDriverWouldReadOtherwiseIsRefused() {
		// PostgreSQL ends a line comment at a carriage return: the DELETE would run as a second statement
		assertThat(parse("-- name: CarriageReturn :one\nSELECT 1 --\r; DELETE FROM t\n").diagnostics())
			.singleElement().asString().contains("holds more than one statement");
		// with standard_conforming_strings off, \' escapes the quote and the string ends at the last '
		assertThat(parse("-- name: Backslash :one\nSELECT 'a\\'' ; DELETE FROM t; --'\n").diagnostics())
			.singleElement().asString().contains("q.sql:2:8:").contains("standard_conforming_strings");
		// PostgreSQL reads $1_0 as parameter 10
		assertThat(parse("-- name: Junk :one\nSELECT $1_0\n").diagnostics())
			.singleElement().asString().contains("q.sql:2:8: parameter $1_0");
		// a name ending in a symbol outside ASCII and a $: part of the name to PostgreSQL, a dollar quote to pgjdbc
		assertThat(parse("-- name: Euro :one\nSELECT 1 AS x§$$, $1 AS y\n").diagnostics())
			.singleElement().asString().contains("read differently by PostgreSQL");
	}

	/**
	 * An attacker's query files (docs/attacks/2026-12-01-build.md) that passed the build and ran another statement
	 * at run time, or at build time, through what pgjdbc reads otherwise: JDBC escapes ({oj ...} rewritten across a
	 * comment), a vertical tab before E'' (white space to PostgreSQL, not to pgjdbc), a dollar quote with a non-ASCII
	 * tag (a quote to PostgreSQL, code to pgjdbc).
	 */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "case1_vt_swap", "case2_esc", "case3_inject",
			"case4_tenant", "case5_buildtime", "case6_dollar_tag" })
	void theAttackersQueryFilesAreRefused(String name) throws Exception {
		String text = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/hostile-queries", name
				+ ".sql"));
		QueryFileParser.Result result = parse(text);
		assertThat(result.file().queries()).as("queries that would reach the analysis").isEmpty();
		assertThat(result.diagnostics()).singleElement()
			.asString()
			.containsAnyOf("control character U+000B", "dollar quote $\u00a9$", "JDBC escape processing");
	}

	@Test
	void jdbcEscapesAndWhatPgjdbcReadsOtherwiseAreRefused() {
		assertThat(parse("-- name: Escape :one\nSELECT {fn now()} AS now\n").diagnostics()).singleElement()
			.asString()
			.contains("JDBC escape processing would rewrite");
		assertThat(parse("-- name: Literal :one\nSELECT '{fn now()}' AS now, '{\"a\": 1}'::jsonb ? 'a' AS j\n")
			.diagnostics()).isEmpty();
		assertThat(parse("-- name: Tag :one\nSELECT $é$ x $é$ AS t\n").diagnostics()).singleElement()
			.asString()
			.contains("use an ASCII tag such as $q$");
		assertThat(parse("-- name: Tab :one\nSELECT\t1 AS one\r\n").diagnostics()).isEmpty();
		assertThat(parse("-- name: FormFeed :one\nSELECT\f1 AS one\n").diagnostics()).singleElement()
			.asString()
			.contains("q.sql:2:7: query FormFeed holds the control character U+000C");
	}

	private static QueryFileParser.Result parse(String text) {
		return QueryFileParser.parse(SourceText.of("q.sql", text), "q", "db/queries/q.sql");
	}

	private static Query single(String text) {
		QueryFileParser.Result result = parse(text);
		assertThat(result.diagnostics()).isEmpty();
		assertThat(result.file().queries()).hasSize(1);
		return result.file().queries().get(0);
	}

}
