package dev.dbkit.benchmarks;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The seed's four operations, as one implementation performs them. Each returns something derived from its
 * result, so that nothing can be optimised away.
 */
interface FlagOps {

	String name();

	/** GetFeatureFlag: one flag by key. */
	int get(UUID tenant, String key);

	/** ListFeatureFlags: the tenant's flags, ordered by key. */
	int list(UUID tenant);

	/** UpsertFeatureFlag ... RETURNING *. */
	int upsert(UUID tenant, String key, boolean enabled, @Nullable String metadata);

	/** DeleteFeatureFlag by id. */
	void delete(UUID tenant, UUID id);

}
