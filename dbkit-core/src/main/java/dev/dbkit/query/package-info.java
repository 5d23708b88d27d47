/**
 * The runtime seam of generated repositories: every generated statement runs through {@link QueryExecutor}.
 */
@NullMarked
package dev.dbkit.query;

import org.jspecify.annotations.NullMarked;
