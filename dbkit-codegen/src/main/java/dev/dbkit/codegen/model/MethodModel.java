package dev.dbkit.codegen.model;

import java.util.List;
import java.util.Set;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.analyze.AnalyzedQuery;

/**
 * One generated method.
 *
 * @param query the analysed query
 * @param name the method's name
 * @param constant the name of the constant holding its statement
 * @param parameters the parameters the caller passes, in order
 * @param parametersRecord the record that carries them when there are more than three
 * @param bindings for each parameter index, how its value is bound (caller parameters and the tenant)
 * @param tenantParameters the parameter indexes bound from {@code TenantContext}
 * @param row the row type and how to read it, when the query returns rows
 */
public record MethodModel(AnalyzedQuery query, String name, String constant, List<Parameter> parameters,
		@Nullable ClassName parametersRecord, List<Parameter> bindings, Set<Integer> tenantParameters,
		@Nullable Row row) {

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
	public record Row(TypeName type, String reader, List<ValueType> columns, boolean scalar) {
	}

}
