/**
 * The {@code dbkit} actuator endpoint.
 */
@NullMarked
package dev.dbkit.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
