package dev.dbkit.maven;

import java.io.File;

import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.CodegenException;
import dev.dbkit.codegen.Generation;
import dev.dbkit.codegen.GeneratorConfig;

/**
 * Generates Java records and repositories from the query files ({@code make sqlc}), checked against a real
 * PostgreSQL with the migrations applied, and adds them to the compile sources. Does nothing, and starts no
 * database, when no query or migration file (nor this configuration) changed since the last run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractAnalysisMojo {

	/** Where the generated sources go. */
	@Parameter(defaultValue = "${project.build.directory}/generated-sources/dbkit")
	File outputDirectory;

	/** Where the generated resources (the repository index entry) go. */
	@Parameter(defaultValue = "${project.build.directory}/generated-resources/dbkit")
	File resourcesDirectory;

	/**
	 * Where generation records what it generated from, to skip an unchanged run. A second execution in one project
	 * (another package, other settings) needs its own.
	 */
	@Parameter(defaultValue = "${project.build.directory}/dbkit/generate.fingerprint")
	File fingerprintFile;

	/** Whether to skip generation. */
	@Parameter(property = "dbkit.skip", defaultValue = "false")
	boolean skip;

	@Override
	void run() throws MojoFailureException {
		if (this.skip) {
			getLog().info("dbkit generate skipped");
			return;
		}
		File buildDirectory = buildDirectory();
		Generation generation = new Generation(
				generatorConfig(true),
				this.basedir.toPath(), this.migrationsDir.toPath(), this.queriesDir.toPath(), this.outputDirectory.toPath(),
				this.resourcesDirectory.toPath(), this.fingerprintFile.toPath(),
				this.analysisUrl, this.analysisUser, this.analysisPassword);
		long started = System.nanoTime();
		Generation.Result result;
		try {
			result = generation.run();
		}
		catch (CodegenException ex) {
			ex.getDiagnostics().forEach((diagnostic) -> getLog().error(diagnostic.toString()));
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (result.upToDate()) {
			getLog().info("dbkit: " + result.queries() + " queries up to date (" + millis + " ms, no database started)");
		}
		else {
			getLog().info("dbkit: generated " + result.queries() + " queries into " + this.outputDirectory + " ("
					+ result.written() + " files written, " + result.removed() + " removed, " + millis + " ms)");
		}
		if (this.project != null) {
			this.project.addCompileSourceRoot(this.outputDirectory.getAbsolutePath());
			Resource resource = new Resource();
			resource.setDirectory(this.resourcesDirectory.getAbsolutePath());
			this.project.addResource(resource);
		}
	}

}
