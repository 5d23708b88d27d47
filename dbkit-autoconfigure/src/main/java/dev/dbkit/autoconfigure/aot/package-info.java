/**
 * Spring AOT support: runtime hints for migrations and generated repository indexes.
 */
@NullMarked
package dev.dbkit.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
