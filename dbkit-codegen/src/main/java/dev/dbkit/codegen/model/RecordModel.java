package dev.dbkit.codegen.model;

import java.util.List;

import com.palantir.javapoet.ClassName;

/**
 * A generated record: a table's row, a query's row, or a query's parameters.
 *
 * @param className the record
 * @param sourceFile the file it is generated from, for its header
 * @param doc its Javadoc
 * @param components its components in order
 */
public record RecordModel(ClassName className, String sourceFile, String doc, List<Component> components) {

	/**
	 * A component.
	 *
	 * @param name its Java name
	 * @param type its type
	 */
	public record Component(String name, ValueType type) {
	}

}
