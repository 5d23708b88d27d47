/**
 * The index through which generated repositories are found and registered as beans.
 */
@NullMarked
package dev.dbkit.repository;

import org.jspecify.annotations.NullMarked;
