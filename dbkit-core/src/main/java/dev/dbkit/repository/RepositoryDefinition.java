package dev.dbkit.repository;

import java.util.List;
import java.util.function.Function;

import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.query.QueryExecutor;

/**
 * One generated repository: its type, how to make one without reflection, and its queries (for the actuator
 * endpoint and anything else that lists what the application can run).
 *
 * @param <T> the repository type
 * @param type the repository class
 * @param factory creates an instance over a {@link QueryExecutor}
 * @param queries its statements, in the order of its query file
 */
public record RepositoryDefinition<T>(Class<T> type, Function<QueryExecutor, T> factory, List<GeneratedQuery> queries) {

	/** For code generated before the queries were listed. */
	public RepositoryDefinition(Class<T> type, Function<QueryExecutor, T> factory) {
		this(type, factory, List.of());
	}

}
