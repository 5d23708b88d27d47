/**
 * The seed's four operations through dbkit and through the alternatives, and the interleaved runner that compares
 * them.
 */
@NullMarked
package dev.dbkit.benchmarks;

import org.jspecify.annotations.NullMarked;
