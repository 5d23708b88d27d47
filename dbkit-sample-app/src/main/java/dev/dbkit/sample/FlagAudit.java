package dev.dbkit.sample;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import dev.dbkit.sample.db.FeatureFlag;
import dev.dbkit.tenant.TenantContext;

/**
 * Work that runs after a flag changed, on another thread: the tenant follows it there.
 */
@Component
public class FlagAudit {

	private static final Logger logger = LoggerFactory.getLogger(FlagAudit.class);

	/** Records a change in the background and answers with the tenant it ran for. */
	@Async
	public CompletableFuture<UUID> flagChanged(FeatureFlag flag) {
		UUID tenant = TenantContext.require();
		logger.info("Tenant {} set {} to {}", tenant, flag.featureKey(), flag.isEnabled());
		return CompletableFuture.completedFuture(tenant);
	}

}
