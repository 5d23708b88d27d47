package dev.dbkit.sample;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.dbkit.autoconfigure.tenancy.TenantValidator;
import dev.dbkit.sample.db.TenantsRepository;

/**
 * Tells dbkit's request filter which tenants exist, so that a request for an unknown tenant gets a clear 404 before
 * any of its work runs. Tenants are never deleted here, so a tenant seen once is remembered.
 */
@Component
class KnownTenants implements TenantValidator {

	private final TenantsRepository tenants;

	private final Set<UUID> known = ConcurrentHashMap.newKeySet();

	KnownTenants(TenantsRepository tenants) {
		this.tenants = tenants;
	}

	@Override
	public boolean exists(UUID tenantId) {
		if (this.known.contains(tenantId)) {
			return true;
		}
		boolean exists = this.tenants.getTenant(tenantId).isPresent();
		if (exists) {
			this.known.add(tenantId);
		}
		return exists;
	}

}
