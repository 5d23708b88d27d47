/**
 * The opt-in embedded PostgreSQL for local development.
 */
@NullMarked
package dev.dbkit.autoconfigure.embedded;

import org.jspecify.annotations.NullMarked;
