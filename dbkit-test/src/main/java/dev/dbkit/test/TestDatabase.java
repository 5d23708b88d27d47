package dev.dbkit.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on the test server, for one test class.
 *
 * @param name the database's name
 * @param jdbcUrl its JDBC URL
 * @param username the user to connect as
 * @param password the user's password (empty when none is needed)
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

	/** A new, unpooled data source for this database. */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.jdbcUrl);
		dataSource.setUser(this.username);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	/** Runs SQL (one or more statements) on this database. */
	public void execute(String sql) {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("SQL failed on test database " + this.name + ": " + ex.getMessage(), ex);
		}
	}

}
