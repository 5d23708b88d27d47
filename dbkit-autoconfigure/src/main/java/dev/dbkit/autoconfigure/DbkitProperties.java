package dev.dbkit.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.dbkit.tenant.TenantIdType;

/**
 * dbkit's settings.
 */
@ConfigurationProperties("dbkit")
public class DbkitProperties {

	private final Migrations migrations = new Migrations();

	private final EmbeddedPostgres embeddedPostgres = new EmbeddedPostgres();

	private final Tenancy tenancy = new Tenancy();

	public Migrations getMigrations() {
		return this.migrations;
	}

	public EmbeddedPostgres getEmbeddedPostgres() {
		return this.embeddedPostgres;
	}

	public Tenancy getTenancy() {
		return this.tenancy;
	}

	/** The tenant of web requests. */
	public static class Tenancy {

		/** Whether a servlet filter sets the tenant of each request from the TenantResolver. */
		private boolean enabled = true;

		/**
		 * Where a request's tenant comes from: "jwt" (a claim of the authenticated JWT; the default when Spring
		 * Security's resource server is on the classpath) or "header" (a request header, which any client can set:
		 * only behind a gateway that authenticates the caller and sets the header itself).
		 */
		private @org.jspecify.annotations.Nullable String source;

		/** Claim of the authenticated JWT that carries the tenant id, for the "jwt" source. */
		private String jwtClaim = "tenant_id";

		/**
		 * What a tenant id is: uuid, long or string (the plugin's tenantIdType); the header and the JWT claim are
		 * parsed as one.
		 */
		private TenantIdType idType = TenantIdType.UUID;

		public TenantIdType getIdType() {
			return this.idType;
		}

		public void setIdType(TenantIdType idType) {
			this.idType = idType;
		}

		/** Request header that carries the tenant id, for the "header" source. */
		private String header = "X-Tenant-ID";

		/** HTTP status of the answer to a tenant-scoped call in a request that names no tenant. */
		private int missingTenantStatus = 400;

		/**
		 * Order of the tenant filter among the servlet filters. After Spring Security's filter chain (-100) by
		 * default, so that the tenant can come from the authenticated principal.
		 */
		private int filterOrder = -90;

		public @org.jspecify.annotations.Nullable String getSource() {
			return this.source;
		}

		public void setSource(@org.jspecify.annotations.Nullable String source) {
			this.source = source;
		}

		public String getJwtClaim() {
			return this.jwtClaim;
		}

		public void setJwtClaim(String jwtClaim) {
			this.jwtClaim = jwtClaim;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

		public int getMissingTenantStatus() {
			return this.missingTenantStatus;
		}

		public void setMissingTenantStatus(int missingTenantStatus) {
			this.missingTenantStatus = missingTenantStatus;
		}

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

	}

	/** Numbered migrations on start-up. */
	public static class Migrations {

		/**
		 * Whether dbkit configures Flyway for numbered NNNNNN_description.up.sql/.down.sql migrations and checks them
		 * on start-up. When false, Flyway (if enabled) runs with its own settings.
		 */
		private boolean enabled = true;

		/**
		 * Location of the migration files, "classpath:" or "filesystem:" prefixed. Replaces spring.flyway.locations.
		 */
		private String location = dev.dbkit.migration.MigrationLocation.DEFAULT;

		/**
		 * Longest time a migration statement waits for a lock (PostgreSQL's lock_timeout on the migration sessions)
		 * before it fails with the file and the sessions that held it. An index built CONCURRENTLY waits for every
		 * transaction open when it starts.
		 */
		private java.time.Duration lockTimeout = dev.dbkit.migration.MigrationLocks.DEFAULT_LOCK_TIMEOUT;

		public java.time.Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(java.time.Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getLocation() {
			return this.location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

	}

	/** The embedded PostgreSQL for local development (needs dbkit-embedded-postgres on the class path). */
	public static class EmbeddedPostgres {

		/**
		 * Whether to start an embedded PostgreSQL when dbkit-embedded-postgres is on the class path and no
		 * spring.datasource.url is set.
		 */
		private boolean enabled = true;

		/** Directory that holds the embedded server's data, relative to the working directory unless absolute. */
		private String dataDirectory = ".dbkit/postgres";

		/** Whether the data directory is kept when the application stops. When false, every start begins empty. */
		private boolean persistent = true;

		/** Port of the embedded server. 0 picks a free port on every start. */
		private int port = 0;

		/** Name of the database the application uses on the embedded server; created when missing. */
		private String database = "app";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDataDirectory() {
			return this.dataDirectory;
		}

		public void setDataDirectory(String dataDirectory) {
			this.dataDirectory = dataDirectory;
		}

		public boolean isPersistent() {
			return this.persistent;
		}

		public void setPersistent(boolean persistent) {
			this.persistent = persistent;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public String getDatabase() {
			return this.database;
		}

		public void setDatabase(String database) {
			this.database = database;
		}

	}

}
