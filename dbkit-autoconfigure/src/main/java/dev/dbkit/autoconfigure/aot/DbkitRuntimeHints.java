package dev.dbkit.autoconfigure.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

import dev.dbkit.migration.MigrationLocation;
import dev.dbkit.repository.RepositoryIndex;

/**
 * What a native image must keep of dbkit, worked out at build time (Spring AOT) from the application's own
 * settings: the migration files at {@code dbkit.migrations.location} (a custom location too), the generated
 * repository indexes that {@code ServiceLoader} finds (their {@code META-INF/services} entry and constructors). The
 * repositories themselves are made by generated code, without reflection.
 */
public class DbkitRuntimeHints implements BeanFactoryInitializationAotProcessor {

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		Environment environment = beanFactory.getBean(Environment.class);
		String location = environment.getProperty("dbkit.migrations.location", MigrationLocation.DEFAULT);
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), location, classLoader);
	}

	/** The hints for migrations at {@code location} and the indexes {@code classLoader} finds. */
	public static void register(RuntimeHints hints, String location, @Nullable ClassLoader classLoader) {
		MigrationLocation parsed = MigrationLocation.parse(location);
		if (parsed.classpath()) {
			String folder = parsed.path().replaceAll("^/+|/+$", "");
			hints.resources().registerPattern(folder + "/*.sql");
		}
		hints.resources().registerPattern("META-INF/services/" + RepositoryIndex.class.getName());
		for (RepositoryIndex index : RepositoryIndex.load(classLoader)) {
			hints.reflection().registerType(index.getClass(), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
	}

}
