package dev.dbkit.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link TestDatabase} parameters of tests annotated with {@link DbkitTestDatabase}: the test class's own
 * database.
 */
public class TestDatabaseExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
			throws ParameterResolutionException {
		return parameterContext.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
			throws ParameterResolutionException {
		Class<?> testClass = extensionContext.getRequiredTestClass();
		// Nested classes share their enclosing class's database.
		while (testClass.getEnclosingClass() != null && !testClass.isAnnotationPresent(DbkitTestDatabase.class)) {
			testClass = testClass.getEnclosingClass();
		}
		return TestDatabases.forClass(testClass);
	}

}
