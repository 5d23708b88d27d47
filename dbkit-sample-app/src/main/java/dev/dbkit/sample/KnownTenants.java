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
	public boolean exists(Object tenantId) {
		if (!(tenantId instanceof UUID id)) {
			return false; // this app's tenant ids are UUIDs
		}
		if (this.known.contains(id)) {
			return true;
		}
		boolean exists = this.tenants.getTenant(id).isPresent();
		if (exists) {
			this.known.add(id);
		}
		return exists;
	}

}
