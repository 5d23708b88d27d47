/**
 * Stage 3: Java names and types for the analysed queries.
 */
@NullMarked
package dev.dbkit.codegen.model;

import org.jspecify.annotations.NullMarked;
