/**
 * Numbered up/down migrations in golang-migrate's naming: discovery, up through Flyway, down, status and adoption of
 * golang-migrate databases.
 */
@NullMarked
package dev.dbkit.migration;

import org.jspecify.annotations.NullMarked;
