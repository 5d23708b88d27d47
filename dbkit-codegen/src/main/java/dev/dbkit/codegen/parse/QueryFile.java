package dev.dbkit.codegen.parse;

import java.util.List;

/**
 * A parsed query file.
 *
 * @param source the file
 * @param baseName the file name without {@code .sql}, such as {@code feature_flags}
 * @param resourcePath the file as the application knows it, such as {@code db/queries/feature_flags.sql}
 * @param queries its queries in file order
 */
public record QueryFile(SourceText source, String baseName, String resourcePath, List<Query> queries) {
}
