package dev.dbkit.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.container.ContainerImageMetadata;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Points the Spring Boot application of a {@link DbkitTestDatabase} test class at that class's database: a
 * {@link JdbcConnectionDetails} bean connects the {@code DataSource} as the application's role and, when Flyway is
 * there, a {@code FlywayConnectionDetails} bean connects Flyway as the database's owner. Both take precedence over
 * {@code spring.datasource.*} and {@code spring.flyway.*}.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	private static final boolean BOOT_JDBC_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails",
			TestDatabaseContextCustomizerFactory.class.getClassLoader());

	private static final boolean BOOT_FLYWAY_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails",
			TestDatabaseContextCustomizerFactory.class.getClassLoader());

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		Class<?> annotated = annotatedClass(testClass);
		if (annotated == null || !BOOT_JDBC_PRESENT) {
			return null;
		}
		return new Customizer(annotated);
	}

	private static @Nullable Class<?> annotatedClass(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			if (TestContextAnnotationUtils.hasAnnotation(type, DbkitTestDatabase.class)) {
				return type;
			}
		}
		return null;
	}

	/** Keyed by the test class, so that each class gets its own context and its own database. */
	private record Customizer(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestDatabase database = TestDatabases.forClass(this.testClass);
			context.getBeanFactory().registerSingleton("dbkitTestDatabase", database);
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
			register(registry, "dbkitTestDatabaseConnectionDetails", JdbcConnectionDetails.class,
					new TestDatabaseConnectionDetails(database));
			if (BOOT_FLYWAY_PRESENT) {
				register(registry, "dbkitTestDatabaseFlywayConnectionDetails", FlywayConnectionDetails.class,
						new OwnerFlywayConnectionDetails(database));
			}
		}

		/**
		 * As a bean definition marked the way Boot marks a Testcontainers service connection: Boot's test slices
		 * ({@code @JdbcTest}, {@code @DataJdbcTest}) then keep this database instead of replacing it with an
		 * in-memory one ({@code @AutoConfigureTestDatabase(replace = NON_TEST)}).
		 */
		private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type, T details) {
			RootBeanDefinition definition = new RootBeanDefinition(type, () -> details);
			new ContainerImageMetadata("dbkit-test").addTo(definition);
			registry.registerBeanDefinition(name, definition);
		}

	}

	private record TestDatabaseConnectionDetails(TestDatabase database) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return this.database.applicationUsername();
		}

		@Override
		public String getPassword() {
			return this.database.applicationPassword();
		}

		@Override
		public String getJdbcUrl() {
			return this.database.jdbcUrl();
		}

	}

	private record OwnerFlywayConnectionDetails(TestDatabase database) implements FlywayConnectionDetails {

		@Override
		public String getUsername() {
			return this.database.username();
		}

		@Override
		public String getPassword() {
			return this.database.password();
		}

		@Override
		public String getJdbcUrl() {
			return this.database.jdbcUrl();
		}

	}

}
