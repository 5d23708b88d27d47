/**
 * Spring Boot auto-configuration for dbkit and its {@code dbkit.*} properties.
 */
@NullMarked
package dev.dbkit.autoconfigure;

import org.jspecify.annotations.NullMarked;
