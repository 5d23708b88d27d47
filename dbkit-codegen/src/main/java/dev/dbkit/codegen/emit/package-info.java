/**
 * Stage 4: Java sources from the model, one emitter per kind of type, written with JavaPoet.
 */
@NullMarked
package dev.dbkit.codegen.emit;

import org.jspecify.annotations.NullMarked;
