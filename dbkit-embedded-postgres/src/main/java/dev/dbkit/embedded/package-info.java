/**
 * An embedded PostgreSQL server (zonky's binaries) for tests, build-time analysis and local development.
 */
@NullMarked
package dev.dbkit.embedded;

import org.jspecify.annotations.NullMarked;
