package dev.dbkit.sample;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.dbkit.sample.db.Tenant;

/**
 * Registers tenants: a platform operation that needs no tenant.
 */
@RestController
@RequestMapping("/api/tenants")
class TenantController {

	private final FeatureFlagService service;

	TenantController(FeatureFlagService service) {
		this.service = service;
	}

	record TenantRequest(@Nullable String name) {
	}

	record TenantResponse(UUID id, String name, OffsetDateTime createdAt) {
	}

	@PostMapping
	ResponseEntity<TenantResponse> create(@RequestBody @Nullable TenantRequest request) {
		String name = (request != null && request.name() != null) ? request.name().strip() : "";
		if (name.isEmpty() || name.length() > 200) {
			throw FeatureFlagController.problem(HttpStatus.BAD_REQUEST, "Invalid tenant",
					"The body needs a \"name\" of 1 to 200 characters.");
		}
		Tenant tenant = this.service.createTenant(name);
		return ResponseEntity.created(URI.create("/api/tenants/" + tenant.id()))
			.body(new TenantResponse(tenant.id(), tenant.name(), tenant.createdAt()));
	}

}
