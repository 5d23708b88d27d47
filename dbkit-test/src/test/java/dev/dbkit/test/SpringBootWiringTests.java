package dev.dbkit.test;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot application of a {@link DbkitTestDatabase} test connects to the class's database, also when
 * {@code spring.datasource.url} names another.
 */
@DbkitTestDatabase
@SpringBootTest(classes = SpringBootWiringTests.App.class,
		properties = "spring.datasource.url=jdbc:postgresql://localhost:1/not-this-one")
class SpringBootWiringTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcConnectionDetails connectionDetails;

	@Test
	void dataSourceUsesTheClassDatabase(TestDatabase database) {
		String current = new JdbcTemplate(this.dataSource).queryForObject("SELECT current_database()", String.class);
		assertThat(current).isEqualTo(database.name());
		assertThat(this.connectionDetails.getJdbcUrl()).isEqualTo(database.jdbcUrl());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	static class App {

	}

}
