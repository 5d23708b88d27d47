package dev.dbkit.codegen.parse;

import java.util.List;

/**
 * One query of a query file.
 *
 * @param source the file it is in
 * @param name its name from the {@code -- name:} header
 * @param command its command
 * @param headerOffset offset of the header line in the file
 * @param sql the statement as written (without its terminating semicolon)
 * @param postgresSql the statement with every parameter as {@code $n}, for PostgreSQL
 * @param fileOffsets for each character of {@code postgresSql}, its offset in the file
 * @param jdbcSql the statement with {@code ?} placeholders (and literal {@code ?} doubled), for JDBC
 * @param slots for each {@code ?} of {@code jdbcSql}, the parameter index it binds
 * @param parameters the parameters, by index
 * @param javadoc the comment lines between the header and the statement
 * @param crossTenant whether the query is marked {@code -- dbkit:cross-tenant}
 * @param sideEffects whether the query is marked {@code -- dbkit:side-effects}: it may call built-ins that notify,
 * change sequences or large objects, take locks or signal other sessions
 * @param embeds the {@code sqlc.embed(alias)} of its select list, in order, each sent as {@code alias.*}
 * @param stream whether the query is marked {@code -- dbkit:stream}: its rows are also readable as a stream
 */
public record Query(SourceText source, String name, QueryCommand command, int headerOffset, String sql,
		String postgresSql, int[] fileOffsets, String jdbcSql, int[] slots, List<ParameterRef> parameters,
		List<String> javadoc, boolean crossTenant, boolean sideEffects, List<Embed> embeds, boolean stream) {

	/**
	 * A {@code sqlc.embed(alias)}: the row of one table of the query, as a nested record.
	 *
	 * @param alias the table's name or alias in the query
	 * @param position where its {@code alias.*} starts in {@code postgresSql}
	 * @param jdbcPosition where it starts in {@code jdbcSql}
	 * @param fileOffset where the macro is in the file
	 */
	public record Embed(String alias, int position, int jdbcPosition, int fileOffset) {
	}

	/**
	 * This query as another statement will analyse it ({@code :copyfrom}'s rewrite, a star written out): the same
	 * name, markers and parameters, its problems reported at the header, no embeds left to place.
	 */
	public Query rewritten(QueryCommand asCommand, String newPostgresSql, String newJdbcSql, int[] newSlots) {
		int[] offsets = new int[newPostgresSql.length()];
		java.util.Arrays.fill(offsets, this.headerOffset);
		return new Query(this.source, this.name, asCommand, this.headerOffset, this.sql, newPostgresSql, offsets,
				newJdbcSql, newSlots, this.parameters, this.javadoc, this.crossTenant, this.sideEffects, List.of(),
				this.stream);
	}

	/** This query, analysed as written, sending another JDBC text ({@code :copyfrom}'s rewrite). */
	public Query sending(String newJdbcSql, int[] newSlots) {
		return new Query(this.source, this.name, this.command, this.headerOffset, this.sql, this.postgresSql,
				this.fileOffsets, newJdbcSql, newSlots, this.parameters, this.javadoc, this.crossTenant,
				this.sideEffects, this.embeds, this.stream);
	}

	public int line() {
		return this.source.line(this.headerOffset);
	}

	/** The file offset of a 1-based character position in {@code postgresSql} (as PostgreSQL reports errors). */
	public int fileOffset(int position) {
		if (this.fileOffsets.length == 0) {
			return this.headerOffset;
		}
		int index = Math.min(Math.max(position - 1, 0), this.fileOffsets.length - 1);
		return this.fileOffsets[index];
	}

	/** The file offset where the statement starts. */
	public int sqlOffset() {
		return fileOffset(1);
	}

}
