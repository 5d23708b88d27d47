package dev.dbkit.sample;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.dbkit.sample.db.FeatureFlag;
import dev.dbkit.sample.db.FeatureFlagsRepository;
import dev.dbkit.sample.db.Tenant;
import dev.dbkit.sample.db.TenantsCrossTenantRepository;
import dev.dbkit.sample.db.TenantsRepository;

/**
 * The feature-flag service of the seed, on the generated repositories. The tenant of every flag operation comes
 * from {@code TenantContext}: no method here takes one.
 */
@Service
public class FeatureFlagService {

	private final FeatureFlagsRepository flags;

	private final TenantsRepository tenants;

	private final TenantsCrossTenantRepository platform;

	private final FlagAudit audit;

	public FeatureFlagService(FeatureFlagsRepository flags, TenantsRepository tenants,
			TenantsCrossTenantRepository platform, FlagAudit audit) {
		this.flags = flags;
		this.tenants = tenants;
		this.platform = platform;
		this.audit = audit;
	}

	/** Registers a tenant (a platform operation: a cross-tenant query, no tenant needed). */
	public Tenant createTenant(String name) {
		return this.platform.createTenant(name).orElseThrow();
	}

	public Optional<Tenant> tenant(UUID id) {
		return this.tenants.getTenant(id);
	}

	public List<FeatureFlag> flags() {
		return this.flags.listFeatureFlags();
	}

	public Optional<FeatureFlag> flag(String key) {
		return this.flags.getFeatureFlag(key);
	}

	@Transactional
	public FeatureFlag setFlag(String key, boolean enabled, @Nullable JsonNode metadata) {
		FeatureFlag flag = this.flags.upsertFeatureFlag(key, enabled, metadata).orElseThrow();
		this.audit.flagChanged(flag);
		return flag;
	}

	public void deleteFlag(UUID id) {
		this.flags.deleteFeatureFlag(id);
	}

}
