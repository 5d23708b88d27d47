/**
 * Stage 1: query files into {@link dev.dbkit.codegen.parse.Query} values with their parameters and positions.
 */
@NullMarked
package dev.dbkit.codegen.parse;

import org.jspecify.annotations.NullMarked;
