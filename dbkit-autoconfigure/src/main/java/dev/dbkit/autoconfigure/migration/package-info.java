/**
 * Numbered up/down migrations applied on start-up through Spring Boot's Flyway auto-configuration.
 */
@NullMarked
package dev.dbkit.autoconfigure.migration;

import org.jspecify.annotations.NullMarked;
