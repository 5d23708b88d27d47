package dev.dbkit.autoconfigure.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.dbkit.autoconfigure.DbkitProperties;
import dev.dbkit.migration.MigrationCatalog;
import dev.dbkit.migration.Migrator;
import dev.dbkit.migration.VersionStatus;
import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.repository.RepositoryDefinition;
import dev.dbkit.repository.RepositoryIndex;
import dev.dbkit.tenant.TenantContext;

/**
 * {@code /actuator/dbkit}: what the application can run and where its schema stands. The generated repositories
 * with their queries ({@code file:line}, command, tenant-scoped or cross-tenant), the migrations with their status
 * and whether a down exists, and the tenancy settings in force. Exposed and secured like Boot's own endpoints
 * ({@code management.endpoints.web.exposure.include=dbkit}); it shows no data and no tenant id.
 */
@Endpoint(id = "dbkit")
public class DbkitEndpoint {

	private final @Nullable ClassLoader classLoader;

	private final ObjectProvider<Flyway> flyway;

	private final DbkitProperties properties;

	public DbkitEndpoint(@Nullable ClassLoader classLoader, ObjectProvider<Flyway> flyway, DbkitProperties properties) {
		this.classLoader = classLoader;
		this.flyway = flyway;
		this.properties = properties;
	}

	@ReadOperation
	public DbkitDescriptor dbkit() {
		return new DbkitDescriptor(repositories(), migrations(), tenancy());
	}

	private List<RepositoryDescriptor> repositories() {
		List<RepositoryDescriptor> repositories = new ArrayList<>();
		for (RepositoryDefinition<?> definition : RepositoryIndex.definitions(this.classLoader)) {
			repositories.add(new RepositoryDescriptor(definition.type().getName(),
					definition.queries().stream().map(QueryDescriptor::of).toList()));
		}
		return repositories;
	}

	private @Nullable MigrationsDescriptor migrations() {
		Flyway flyway = this.flyway.getIfAvailable();
		if (flyway == null || !this.properties.getMigrations().isEnabled()) {
			return null;
		}
		String location = this.properties.getMigrations().getLocation();
		MigrationCatalog catalog = MigrationCatalog.load(location, flyway.getConfiguration().getClassLoader());
		List<VersionStatus> statuses = new Migrator(flyway, catalog).status();
		long current = Migrator.currentVersion(statuses);
		List<MigrationDescriptor> versions = statuses.stream()
			.map((status) -> new MigrationDescriptor(status.versionText(), status.description(),
					status.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), status.script(),
					status.installedOn(), downAvailable(catalog, status), status.problem(current, location)))
			.toList();
		return new MigrationsDescriptor(location, current, versions);
	}

	private static boolean downAvailable(MigrationCatalog catalog, VersionStatus status) {
		// the catalog holds only complete pairs: a version whose files are there has its down
		return catalog.migrations().stream().anyMatch((migration) -> migration.versionText().equals(status.versionText()));
	}

	private TenancyDescriptor tenancy() {
		DbkitProperties.Tenancy tenancy = this.properties.getTenancy();
		return new TenancyDescriptor(tenancy.getIdType().name().toLowerCase(java.util.Locale.ROOT), tenancy.isEnabled(),
				tenancy.getSource(), tenancy.getHeader(), tenancy.getJwtClaim(), tenancy.getMissingTenantStatus(),
				TenantContext.MDC_KEY);
	}

	/** The endpoint's answer. */
	public record DbkitDescriptor(List<RepositoryDescriptor> repositories, @Nullable MigrationsDescriptor migrations,
			TenancyDescriptor tenancy) {
	}

	/** A generated repository and its queries. */
	public record RepositoryDescriptor(String type, List<QueryDescriptor> queries) {
	}

	/**
	 * A query: where it is written, its command, whom it reaches, and whether its call sets the tenant for
	 * row-level security.
	 */
	public record QueryDescriptor(String name, String location, String command, String scope,
			boolean rowLevelSecurity) {

		static QueryDescriptor of(GeneratedQuery query) {
			return new QueryDescriptor(query.name(), query.file() + ":" + query.line(), query.command(),
					query.scope().label(), query.startsWithSettings());
		}

	}

	/** The migrations: their location, the current version, every version's status. */
	public record MigrationsDescriptor(String location, long currentVersion, List<MigrationDescriptor> versions) {
	}

	/** One version: applied, pending, applied-but-missing, ... and whether {@code dbkit:rollback} can undo it. */
	public record MigrationDescriptor(String version, String description, String status, String script,
			@Nullable Instant installedOn, boolean downAvailable, @Nullable String problem) {
	}

	/** The tenancy settings in force. */
	public record TenancyDescriptor(String idType, boolean filterEnabled, @Nullable String source, String header,
			String jwtClaim, int missingTenantStatus, String mdcKey) {
	}

}
