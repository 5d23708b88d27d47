/**
 * Reading PostgreSQL SQL text: splitting scripts into statements with their positions in the file.
 */
@NullMarked
package dev.dbkit.sql;

import org.jspecify.annotations.NullMarked;
