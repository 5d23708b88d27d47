package dev.dbkit.autoconfigure.repository;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.dbkit.query.QueryExecutor;
import dev.dbkit.repository.RepositoryDefinition;
import dev.dbkit.repository.RepositoryIndex;

/**
 * Makes a generated repository through its generated factory (no reflection): the static factory method that the
 * repository beans name, so that Spring AOT can write their registration as code (an instance-supplier lambda, which
 * AOT refuses, is not needed).
 */
public final class RepositoryFactory {

	private static final Map<ClassLoader, Map<Class<?>, RepositoryDefinition<?>>> DEFINITIONS = new HashMap<>();

	private RepositoryFactory() {
	}

	/** A new repository of {@code type} over {@code executor}. */
	public static <T> T create(Class<T> type, QueryExecutor executor) {
		RepositoryDefinition<?> definition = definitions(type.getClassLoader()).get(type);
		if (definition == null) {
			throw new IllegalStateException(type.getName() + " is not in a generated RepositoryIndex on the class path: "
					+ "regenerate the repositories (mvn generate-sources)");
		}
		return type.cast(definition.factory().apply(executor));
	}

	private static synchronized Map<Class<?>, RepositoryDefinition<?>> definitions(@Nullable ClassLoader classLoader) {
		ClassLoader key = (classLoader != null) ? classLoader : RepositoryFactory.class.getClassLoader();
		return DEFINITIONS.computeIfAbsent(key, (loader) -> {
			Map<Class<?>, RepositoryDefinition<?>> byType = new HashMap<>();
			for (RepositoryDefinition<?> definition : RepositoryIndex.definitions(loader)) {
				byType.put(definition.type(), definition);
			}
			return byType;
		});
	}

}
