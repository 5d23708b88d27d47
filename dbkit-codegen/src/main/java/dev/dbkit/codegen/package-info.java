/**
 * dbkit's code generator: query files in, Java records and repositories out, checked against a real PostgreSQL.
 * The stages (parse, analyze, model, emit) pass plain data; only {@link CodeGenerator} writes files.
 */
@NullMarked
package dev.dbkit.codegen;

import org.jspecify.annotations.NullMarked;
