package dev.dbkit.codegen.parse;

import org.jspecify.annotations.Nullable;

/**
 * One parameter of a query, however often it appears.
 *
 * @param index its number: {@code $n}, or the order of first appearance for named parameters
 * @param name the name given with {@code @name}, {@code sqlc.arg(name)} or {@code sqlc.narg(name)}
 * @param nullable whether it was declared nullable with {@code sqlc.narg}
 * @param offset offset in the file of its first appearance
 */
public record ParameterRef(int index, @Nullable String name, boolean nullable, int offset) {
}
