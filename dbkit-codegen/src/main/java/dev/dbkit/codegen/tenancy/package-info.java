/**
 * The tenant proof: a rule over the plan trees PostgreSQL makes of a statement, and the schema facts it needs. See
 * {@code docs/tenancy.md} for each statement shape and what is decided.
 */
@NullMarked
package dev.dbkit.codegen.tenancy;

import org.jspecify.annotations.NullMarked;
