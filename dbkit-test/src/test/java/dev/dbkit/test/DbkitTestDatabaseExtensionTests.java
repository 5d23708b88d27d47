package dev.dbkit.test;

import java.sql.SQLException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DbkitTestDatabase
class DbkitTestDatabaseExtensionTests {

	@Test
	void injectsTheClassDatabase(TestDatabase database) throws SQLException {
		assertThat(TestPostgresTests.query(database, "SELECT current_database()")).isEqualTo(database.name());
		assertThat(database.name()).contains("dbkittestdatabaseextensiontests");
	}

	@Test
	void everyTestOfAClassSharesItsDatabase(TestDatabase database) {
		assertThat(database).isSameAs(TestDatabases.forClass(DbkitTestDatabaseExtensionTests.class));
	}

	@Test
	void anotherClassGetsAnotherFreshDatabase(TestDatabase database) throws SQLException {
		TestDatabase other = TestDatabases.forClass(OtherTests.class);
		assertThat(other.name()).isNotEqualTo(database.name());
		database.execute("CREATE TABLE IF NOT EXISTS mine (id int)");
		assertThat(TestPostgresTests.query(other, "SELECT count(*) FROM pg_tables WHERE tablename = 'mine'"))
			.isEqualTo("0");
	}

	@Nested
	class Inner {

		@Test
		void nestedClassesUseTheEnclosingDatabase(TestDatabase database) {
			assertThat(database).isSameAs(TestDatabases.forClass(DbkitTestDatabaseExtensionTests.class));
		}

	}

	static class OtherTests {

	}

}
