package dev.dbkit.codegen;

import org.jspecify.annotations.Nullable;

/** An application's record for a jsonb column, read and written through Jackson. */
public record ProjectSettings(@Nullable String theme, @Nullable Integer rollout) {
}
