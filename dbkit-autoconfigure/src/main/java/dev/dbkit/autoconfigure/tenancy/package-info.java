/**
 * Tenancy in applications: the tenant of each web request, its errors as problem details, and the tenant following
 * work to other threads.
 */
@NullMarked
package dev.dbkit.autoconfigure.tenancy;

import org.jspecify.annotations.NullMarked;
