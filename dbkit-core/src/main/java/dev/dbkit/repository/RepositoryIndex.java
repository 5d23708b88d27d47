package dev.dbkit.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.jspecify.annotations.Nullable;

/**
 * The generated repositories of one package, found through {@link java.util.ServiceLoader}: the generator writes an
 * implementation and its {@code META-INF/services} entry.
 */
public interface RepositoryIndex {

	List<RepositoryDefinition<?>> repositories();

	/** The indexes {@code classLoader} finds. */
	static List<RepositoryIndex> load(@Nullable ClassLoader classLoader) {
		List<RepositoryIndex> indexes = new ArrayList<>();
		ServiceLoader.load(RepositoryIndex.class, classLoader).forEach(indexes::add);
		return indexes;
	}

	/** The repositories of every index {@code classLoader} finds. */
	static List<RepositoryDefinition<?>> definitions(@Nullable ClassLoader classLoader) {
		List<RepositoryDefinition<?>> definitions = new ArrayList<>();
		load(classLoader).forEach((index) -> definitions.addAll(index.repositories()));
		return definitions;
	}

}
