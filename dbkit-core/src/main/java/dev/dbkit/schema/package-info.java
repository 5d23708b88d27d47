/**
 * Reading a PostgreSQL schema from the catalog, to compare it before and after migrations.
 */
@NullMarked
package dev.dbkit.schema;

import org.jspecify.annotations.NullMarked;
