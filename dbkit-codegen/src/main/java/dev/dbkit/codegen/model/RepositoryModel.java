package dev.dbkit.codegen.model;

import java.util.List;

import com.palantir.javapoet.ClassName;

/**
 * A generated repository class: the queries of one file (or its cross-tenant queries).
 *
 * @param className the class
 * @param sourceFile the query file
 * @param crossTenant whether it holds the file's {@code -- dbkit:cross-tenant} queries
 * @param methods its methods in file order
 */
public record RepositoryModel(ClassName className, String sourceFile, boolean crossTenant,
		List<MethodModel> methods) {
}
