package dev.dbkit.query;

import io.micrometer.observation.Observation;

/**
 * What an observation of a generated call knows: the query (its name, file, line, command and scope). Never the
 * tenant: a tag with it would have one value per tenant; the tenant is in the logging context instead
 * ({@code TenantContext.MDC_KEY}).
 */
public class QueryObservationContext extends Observation.Context {

	private final GeneratedQuery query;

	public QueryObservationContext(GeneratedQuery query) {
		this.query = query;
	}

	public GeneratedQuery getQuery() {
		return this.query;
	}

}
