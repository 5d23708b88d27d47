package dev.dbkit.query;

import io.micrometer.common.KeyValues;

import dev.dbkit.query.QueryObservationDocumentation.LowCardinalityKeyNames;

/**
 * dbkit's observation of a generated call: {@code dbkit.query}, tagged with the query's name, file, command, scope
 * and outcome, all of bounded cardinality (one value per query in the application, never per tenant or argument).
 */
public class DefaultQueryObservationConvention implements QueryObservationConvention {

	/** The shared instance. */
	public static final DefaultQueryObservationConvention INSTANCE = new DefaultQueryObservationConvention();

	@Override
	public String getName() {
		return "dbkit.query";
	}

	@Override
	public String getContextualName(QueryObservationContext context) {
		return "dbkit " + context.getQuery().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(QueryObservationContext context) {
		GeneratedQuery query = context.getQuery();
		return KeyValues.of(LowCardinalityKeyNames.QUERY.withValue(query.name()),
				LowCardinalityKeyNames.FILE.withValue(query.file()),
				LowCardinalityKeyNames.COMMAND.withValue(query.command().isEmpty() ? "unknown" : query.command()),
				LowCardinalityKeyNames.SCOPE.withValue(query.scope().label()),
				LowCardinalityKeyNames.OUTCOME.withValue((context.getError() != null) ? "error" : "success"));
	}

}
