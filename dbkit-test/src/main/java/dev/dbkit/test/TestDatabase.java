package dev.dbkit.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on the test server, for one test class, with two roles as in production
 * ({@link dev.dbkit.embedded.DatabaseRoles}): its owner, which runs the migrations, and the application's role,
 * which row-level security binds. In a Spring Boot test Flyway connects as the owner and the application's
 * {@code DataSource} as the application role.
 *
 * @param name the database's name
 * @param jdbcUrl its JDBC URL
 * @param username the owner (migrations, schema, test fixtures)
 * @param password the owner's password
 * @param applicationUsername the application's role
 * @param applicationPassword the application role's password
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password, String applicationUsername,
		String applicationPassword) {

	/** A new, unpooled data source for this database, connecting as its owner. */
	public DataSource dataSource() {
		return dataSource(this.username, this.password);
	}

	/**
	 * A new, unpooled data source connecting as the application's role: neither owner nor superuser, so every
	 * row-level security policy applies to it.
	 */
	public DataSource applicationDataSource() {
		return dataSource(this.applicationUsername, this.applicationPassword);
	}

	private DataSource dataSource(String user, String userPassword) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.jdbcUrl);
		dataSource.setUser(user);
		dataSource.setPassword(userPassword);
		return dataSource;
	}

	/** Runs SQL (one or more statements) on this database as its owner. */
	public void execute(String sql) {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("SQL failed on test database " + this.name + ": " + ex.getMessage(), ex);
		}
	}

}
