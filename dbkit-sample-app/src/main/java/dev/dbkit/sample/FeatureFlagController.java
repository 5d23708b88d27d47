package dev.dbkit.sample;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.dbkit.sample.db.FeatureFlag;

/**
 * The caller's feature flags. The tenant comes from the {@code X-Tenant-ID} header through dbkit's filter; nothing
 * here mentions it.
 */
@RestController
@RequestMapping("/api/feature-flags")
class FeatureFlagController {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

	private final FeatureFlagService service;

	FeatureFlagController(FeatureFlagService service) {
		this.service = service;
	}

	/** What a client sends to set a flag. */
	record FlagRequest(@Nullable Boolean enabled, @Nullable JsonNode metadata) {
	}

	/** A flag as the API shows it: metadata is a JSON object, not a string. */
	record FlagResponse(UUID id, String featureKey, boolean enabled, @Nullable JsonNode metadata,
			java.time.OffsetDateTime createdAt, java.time.OffsetDateTime updatedAt) {
	}

	@GetMapping
	List<FlagResponse> list() {
		return this.service.flags().stream().map(this::response).toList();
	}

	@GetMapping("/{key}")
	FlagResponse get(@PathVariable String key) {
		return this.service.flag(validKey(key)).map(this::response).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
				"Feature flag not found", "This tenant has no feature flag '" + key + "'."));
	}

	@PutMapping("/{key}")
	FlagResponse put(@PathVariable String key, @RequestBody @Nullable FlagRequest request) {
		validKey(key);
		if (request == null || request.enabled() == null) {
			throw problem(HttpStatus.BAD_REQUEST, "Invalid feature flag", "The body needs \"enabled\": true or false.");
		}
		JsonNode metadata = request.metadata();
		if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
			throw problem(HttpStatus.BAD_REQUEST, "Invalid feature flag",
					"\"metadata\" must be a JSON object, such as {\"rollout\": 50}.");
		}
		return response(this.service.setFlag(key, request.enabled(),
				(metadata == null || metadata.isNull()) ? null : metadata));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.service.deleteFlag(id);
		return ResponseEntity.noContent().build();
	}

	private FlagResponse response(FeatureFlag flag) {
		return new FlagResponse(flag.id(), flag.featureKey(), flag.isEnabled(), flag.metadata(), flag.createdAt(),
				flag.updatedAt());
	}

	private static String validKey(String key) {
		if (!KEY.matcher(key).matches()) {
			throw problem(HttpStatus.BAD_REQUEST, "Invalid feature key",
					"A feature key is 1 to 100 letters, digits, '_', '.' or '-'.");
		}
		return key;
	}

	static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
