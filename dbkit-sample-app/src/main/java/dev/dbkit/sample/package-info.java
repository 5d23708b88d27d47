/**
 * The sample feature-flag service.
 */
@NullMarked
package dev.dbkit.sample;

import org.jspecify.annotations.NullMarked;
