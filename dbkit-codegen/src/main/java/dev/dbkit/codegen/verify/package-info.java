/**
 * {@code dbkit:verify}: the seed's checklist as checks of a real PostgreSQL with the migrations applied.
 */
@NullMarked
package dev.dbkit.codegen.verify;

import org.jspecify.annotations.NullMarked;
