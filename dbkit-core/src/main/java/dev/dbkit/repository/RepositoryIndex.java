package dev.dbkit.repository;

import java.util.List;

/**
 * The generated repositories of one package, found through {@link java.util.ServiceLoader}: the generator writes an
 * implementation and its {@code META-INF/services} entry.
 */
public interface RepositoryIndex {

	List<RepositoryDefinition<?>> repositories();

}
