package dev.dbkit.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.maven.plugin.MojoFailureException;

import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.AnalysisDatabase;
import dev.dbkit.codegen.GeneratorConfig;

/**
 * What the goals that analyse the schema and queries on a scratch PostgreSQL share ({@code generate},
 * {@code verify}).
 */
abstract class AbstractAnalysisMojo extends AbstractDbkitMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	@Nullable MavenProject project;

	/** Directory of the sqlc-style query files. */
	@Parameter(property = "dbkit.queriesDir", defaultValue = "${project.basedir}/src/main/resources/db/queries")
	File queriesDir;

	/** Java package of the generated code (required by generate). */
	@Parameter(property = "dbkit.packageName")
	@Nullable String packageName;

	/** Java types by database type name, such as citext = java.lang.String. */
	@Parameter
	Map<String, String> typeOverrides = new TreeMap<>();

	/** Java types by table.column. */
	@Parameter
	Map<String, String> columnOverrides = new TreeMap<>();

	/**
	 * Whether generated calls set {@code dbkit.tenant_id} (and cross-tenant calls their marker) for row-level
	 * security policies, in the same round trip as their statement.
	 */
	@Parameter(property = "dbkit.rowLevelSecurity", defaultValue = "false")
	boolean rowLevelSecurity;

	/**
	 * The Java type of a tenant id, which {@code TenantContext} holds: {@code uuid} (a uuid tenant column),
	 * {@code long} (bigint) or {@code string} (text, varchar).
	 */
	@Parameter(property = "dbkit.tenantIdType", defaultValue = "uuid")
	String tenantIdType = "uuid";

	/** Column that makes a table tenant-scoped. */
	@Parameter(property = "dbkit.tenantColumn", defaultValue = GeneratorConfig.DEFAULT_TENANT_COLUMN)
	String tenantColumn = GeneratorConfig.DEFAULT_TENANT_COLUMN;

	/**
	 * Platform-global tables, which need no tenant column and which tenant-scoped queries may read freely (tables
	 * that tenant columns reference are global too, and so are tables commented {@code dbkit:global}).
	 */
	@Parameter
	List<String> globalTables = new ArrayList<>();

	/** A PostgreSQL server to analyse on instead of the embedded one (a database is created on it and dropped). */
	@Parameter(property = "dbkit.analysisUrl")
	@Nullable String analysisUrl;

	/** User for analysisUrl. */
	@Parameter(property = "dbkit.analysisUser")
	@Nullable String analysisUser;

	/** Password for analysisUrl. */
	@Parameter(property = "dbkit.analysisPassword")
	@Nullable String analysisPassword;

	/**
	 * The one configuration the queries are analysed with, by generate and by verify alike (so that verify reports
	 * exactly what generate would).
	 */
	GeneratorConfig generatorConfig(boolean generating) throws MojoFailureException {
		String name = this.packageName;
		if (name == null || name.isBlank()) {
			if (generating) {
				throw new MojoFailureException("dbkit:generate needs <packageName> (or -Ddbkit.packageName): the Java "
						+ "package of the generated code, such as com.example.db");
			}
			name = GeneratorConfig.ANALYSIS_ONLY_PACKAGE;
		}
		if (!GeneratorConfig.TENANT_ID_TYPES.contains(this.tenantIdType)) {
			throw new MojoFailureException("<tenantIdType> is uuid, long or string, not '" + this.tenantIdType + "'");
		}
		return new GeneratorConfig(name, this.tenantColumn, this.typeOverrides, this.columnOverrides,
				Set.copyOf(this.globalTables), this.rowLevelSecurity, this.tenantIdType);
	}

	File buildDirectory() {
		return (this.project != null) ? new File(this.project.getBuild().getDirectory()) : new File(this.basedir, "target");
	}

	AnalysisDatabase startAnalysisDatabase() {
		return AnalysisDatabase.start(this.analysisUrl, this.analysisUser, this.analysisPassword);
	}

}
