/**
 * Stage 2: each query prepared and explained on a real PostgreSQL with the migrations applied: parameter and column
 * types, nullability, and which parameter binds the tenant.
 */
@NullMarked
package dev.dbkit.codegen.analyze;

import org.jspecify.annotations.NullMarked;
