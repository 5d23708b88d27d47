/**
 * The current tenant of a unit of work, and the error raised when tenant-scoped work runs without one.
 */
@NullMarked
package dev.dbkit.tenant;

import org.jspecify.annotations.NullMarked;
