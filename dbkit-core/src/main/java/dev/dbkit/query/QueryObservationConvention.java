package dev.dbkit.query;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of generated calls. Define a bean of this type to replace
 * {@link DefaultQueryObservationConvention} (extend it to add tags), as with Spring's own conventions.
 */
public interface QueryObservationConvention extends ObservationConvention<QueryObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof QueryObservationContext;
	}

}
