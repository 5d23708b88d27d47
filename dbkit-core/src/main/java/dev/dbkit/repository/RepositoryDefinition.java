package dev.dbkit.repository;

import java.util.function.Function;

import dev.dbkit.query.QueryExecutor;

/**
 * One generated repository: its type, and how to make one without reflection.
 *
 * @param <T> the repository type
 * @param type the repository class
 * @param factory creates an instance over a {@link QueryExecutor}
 */
public record RepositoryDefinition<T>(Class<T> type, Function<QueryExecutor, T> factory) {
}
