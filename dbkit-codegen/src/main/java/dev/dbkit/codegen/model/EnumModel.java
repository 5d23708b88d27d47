package dev.dbkit.codegen.model;

import java.util.List;

import com.palantir.javapoet.ClassName;

/**
 * A Java enum for a PostgreSQL enum type.
 *
 * @param className the Java enum
 * @param typeName the PostgreSQL type
 * @param labels its labels in their order
 */
public record EnumModel(ClassName className, String typeName, List<String> labels) {
}
