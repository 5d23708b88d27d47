/**
 * Generated repositories as Spring beans.
 */
@NullMarked
package dev.dbkit.autoconfigure.repository;

import org.jspecify.annotations.NullMarked;
