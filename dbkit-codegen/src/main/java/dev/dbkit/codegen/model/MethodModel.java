package dev.dbkit.codegen.model;

import java.util.List;
import java.util.Set;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;

/**
 * One generated method: everything the emitter needs, so that it reads nothing of the parser or the analysis.
 *
 * @param statement the statement the method runs
 * @param name the method's name
 * @param constant the name of the constant holding its statement
 * @param parameters the parameters the caller passes, in order
 * @param parametersRecord the record that carries them when there are more than three
 * @param bindings for each parameter index, how its value is bound (caller parameters and the tenant)
 * @param tenantParameters the parameter indexes bound from {@code TenantContext}
 * @param row the row type and how to read it, when the query returns rows
 */
public record MethodModel(Statement statement, String name, String constant, List<Parameter> parameters,
		@Nullable ClassName parametersRecord, List<Parameter> bindings, Set<Integer> tenantParameters,
		@Nullable Row row) {

	/** What the method returns, as sqlc's commands say. */
	public enum Returns {

		/** {@code Optional<Row>}: the first row, if any ({@code :one}) */
		ONE,
		/** {@code List<Row>} ({@code :many}) */
		MANY,
		/** nothing ({@code :exec}) */
		EXEC,
		/** the number of rows affected ({@code :execrows}) */
		EXECROWS,
		/** the number of rows affected ({@code :execresult}) */
		EXECRESULT,
		/** the one column of the one row the statement returns ({@code :execlastid}) */
		EXECLASTID,
		/** for a list of parameters, the rows each run affected ({@code :batchexec}) */
		BATCHEXEC,
		/** for a list of parameters, the first row of each run ({@code :batchone}) */
		BATCHONE,
		/** for a list of parameters, the rows of each run ({@code :batchmany}) */
		BATCHMANY,
		/** for a list of rows inserted in one statement, the rows inserted ({@code :copyfrom}) */
		COPYFROM;

		/** Whether the method takes a list: one element per run of the statement, or per row inserted. */
		public boolean takesList() {
			return this == BATCHEXEC || this == BATCHONE || this == BATCHMANY || this == COPYFROM;
		}

	}

	/**
	 * The statement a method runs, as its query file gives it.
	 *
	 * @param name the query's name from its header
	 * @param returns its command
	 * @param line the line of its header in the query file
	 * @param sql the statement as written
	 * @param jdbcSql the statement with {@code ?} placeholders
	 * @param slots for each {@code ?}, the parameter index it binds
	 * @param javadoc the comment lines between header and statement
	 * @param crossTenant whether it is marked {@code -- dbkit:cross-tenant}
	 * @param rowLevelSecurity whether the call sets the tenant (or the cross-tenant marker) for row-level security
	 * @param stream whether a {@code Stream} method reads its rows too ({@code -- dbkit:stream})
	 */
	public record Statement(String name, Returns returns, int line, String sql, String jdbcSql, List<Integer> slots,
			List<String> javadoc, boolean crossTenant, boolean rowLevelSecurity, boolean stream) {
	}

	/**
	 * A parameter.
	 *
	 * @param index its {@code $n}
	 * @param name its Java name
	 * @param type its type
	 */
	public record Parameter(int index, String name, ValueType type) {
	}

	/**
	 * What a row becomes.
	 *
	 * @param type the Java type of one row
	 * @param reader the name of the method that reads one
	 * @param columns how each column is read, in order
	 * @param scalar whether the row is a single value rather than a record
	 */
	public record Row(TypeName type, String reader, List<ValueType> columns, boolean scalar, List<Embedded> embeds) {

		public Row(TypeName type, String reader, List<ValueType> columns, boolean scalar) {
			this(type, reader, columns, scalar, List.of());
		}

	}

	/**
	 * A table's row nested in a row ({@code sqlc.embed}): columns {@code first} to {@code first + width - 1} are
	 * read into one record.
	 *
	 * @param first its first column, 0-based
	 * @param width its number of columns
	 * @param record the table's record
	 * @param nullable whether it comes from the nullable side of an outer join: then {@code null} when its column
	 * {@code nullCheck} (0-based, within the embed), NOT NULL in the table, is null
	 * @param nullCheck that column
	 * @param columnNames the table's columns, which its {@code alias.*} is written out into
	 */
	public record Embedded(int first, int width, TypeName record, boolean nullable, int nullCheck,
			List<String> columnNames) {
	}

}
