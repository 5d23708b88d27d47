/**
 * The dbkit Maven goals: thin mojos over dbkit-core.
 */
@NullMarked
package dev.dbkit.maven;

import org.jspecify.annotations.NullMarked;
