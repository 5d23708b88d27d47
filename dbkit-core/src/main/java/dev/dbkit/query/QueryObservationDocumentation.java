package dev.dbkit.query;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations dbkit makes. */
public enum QueryObservationDocumentation implements ObservationDocumentation {

	/** One call of a generated repository method: its statement's round trips, reading the rows included. */
	QUERY {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultQueryObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/** The tags of {@link #QUERY}. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The query's name, such as {@code GetFeatureFlag}. */
		QUERY {
			@Override
			public String asString() {
				return "dbkit.query.name";
			}
		},

		/** Its query file. */
		FILE {
			@Override
			public String asString() {
				return "dbkit.query.file";
			}
		},

		/** Its sqlc command: {@code one}, {@code many}, {@code exec}, {@code batchexec}, ... */
		COMMAND {
			@Override
			public String asString() {
				return "dbkit.query.command";
			}
		},

		/** {@code tenant}, {@code cross-tenant} or {@code global}. */
		SCOPE {
			@Override
			public String asString() {
				return "dbkit.query.scope";
			}
		},

		/** {@code success} or {@code error}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

}
