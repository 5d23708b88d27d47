package dev.dbkit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a fresh PostgreSQL database of its own.
 * <p>
 * The server is chosen once per JVM (see {@link TestPostgres}): an explicit JDBC URL, else Testcontainers when a
 * Docker engine answers, else embedded PostgreSQL. In a Spring Boot test the database is the application's: a
 * {@code JdbcConnectionDetails} bean points the {@code DataSource} and Flyway at it. In a plain JUnit test, declare a
 * {@link TestDatabase} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestDatabaseExtension.class)
public @interface DbkitTestDatabase {

}
