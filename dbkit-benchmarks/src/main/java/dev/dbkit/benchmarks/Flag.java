package dev.dbkit.benchmarks;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A feature flag as the hand-written alternatives map it (property names match the columns for DataClassRowMapper). */
public record Flag(UUID id, UUID tenantId, String featureKey, boolean isEnabled, @Nullable String metadata,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
