/**
 * A real PostgreSQL for tests: a fresh database per test class, for plain JUnit tests and Spring Boot tests alike.
 */
@NullMarked
package dev.dbkit.test;

import org.jspecify.annotations.NullMarked;
