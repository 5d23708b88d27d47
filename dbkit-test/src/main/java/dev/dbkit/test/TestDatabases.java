package dev.dbkit.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database per test class, shared by the JUnit extension and the Spring context of that class, so that a test
 * that uses both sees one database: a clone of the migrated template when the application has migrations
 * ({@link MigratedTemplates}), else an empty one.
 */
final class TestDatabases {

	private static final Map<Class<?>, TestDatabase> BY_CLASS = new ConcurrentHashMap<>();

	private TestDatabases() {
	}

	static TestDatabase forClass(Class<?> testClass) {
		return BY_CLASS.computeIfAbsent(testClass, (type) -> {
			TestPostgres server = TestPostgres.shared();
			TemplatePool clones = MigratedTemplates.poolFor(server);
			return (clones != null) ? clones.take(type.getName()) : server.createDatabase(type.getName());
		});
	}

}
