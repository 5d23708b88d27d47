/**
 * Lints over the compiled queries: facts the analysis records, reported by {@code dbkit:verify} as warnings.
 */
@NullMarked
package dev.dbkit.codegen.lint;

import org.jspecify.annotations.NullMarked;
