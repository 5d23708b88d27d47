package dev.dbkit.codegen;

import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.dbkit.codegen.analyze.AnalyzedQuery;
import dev.dbkit.codegen.analyze.Catalog;
import dev.dbkit.codegen.analyze.PostgresAnalyzer;
import dev.dbkit.codegen.emit.JavaEmitter;
import dev.dbkit.codegen.model.ModelBuilder;
import dev.dbkit.codegen.parse.Query;
import dev.dbkit.codegen.parse.QueryFile;
import dev.dbkit.codegen.parse.QueryFileParser;
import dev.dbkit.codegen.tenancy.TenancyFacts;
import dev.dbkit.migration.Migrator;

/**
 * The pipeline: parse every query file, apply the migrations to the analysis database, analyse every query, build
 * the model, emit the sources. All problems of a run are collected; with any, a {@link CodegenException} lists them
 * and nothing is returned to write.
 */
public final class CodeGenerator {

	private CodeGenerator() {
	}

	/**
	 * A query file to generate from.
	 *
	 * @param path the file as errors name it (relative to the project)
	 * @param resourcePath the file as the application knows it ({@code db/queries/feature_flags.sql})
	 * @param text its content
	 */
	public record QuerySource(String path, String resourcePath, String text) {

		public String baseName() {
			String name = this.resourcePath.substring(this.resourcePath.lastIndexOf('/') + 1);
			return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
		}

	}

	/**
	 * Generates from query files against an empty database on which the migrations are applied first.
	 * @throws CodegenException listing every problem found
	 */
	public static JavaEmitter.Output generate(GeneratorConfig config, Path migrationsDir, List<QuerySource> sources,
			DataSource dataSource, ConnectionFactory simpleConnections) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<QueryFile> files = parse(sources, diagnostics);
		Migrator.create(dataSource, "filesystem:" + migrationsDir.toAbsolutePath()).up();
		Analysis analysis = analyze(config, files, dataSource, simpleConnections, diagnostics);
		JavaEmitter.Output output = JavaEmitter.emit(config.packageName(), analysis.model(), describe(files));
		if (!diagnostics.isEmpty()) {
			diagnostics.sort(Comparator.comparing(Diagnostic::path)
				.thenComparingInt(Diagnostic::line)
				.thenComparingInt(Diagnostic::column));
			throw new CodegenException(diagnostics);
		}
		return output;
	}

	/**
	 * What the analysis found.
	 *
	 * @param files each file's analysed queries
	 * @param model the Java model built from them
	 */
	public record Analysis(List<ModelBuilder.FileAnalysis> files, ModelBuilder.Model model) {
	}

	/**
	 * Analyses parsed query files on a database with the migrations applied, adding every problem to
	 * {@code diagnostics}; writes nothing.
	 */
	public static Analysis analyze(GeneratorConfig config, List<QueryFile> files, DataSource dataSource,
			ConnectionFactory simpleConnections, List<Diagnostic> diagnostics) {
		try (Connection connection = dataSource.getConnection(); Connection simple = simpleConnections.open()) {
			Catalog catalog = Catalog.load(connection);
			TenancyFacts tenancy = TenancyFacts.load(connection, config.tenantColumn(), config.globalTables());
			PostgresAnalyzer analyzer = new PostgresAnalyzer(connection, simple, catalog, tenancy, config.tenantColumn());
			List<ModelBuilder.FileAnalysis> analyses = new ArrayList<>();
			for (QueryFile file : files) {
				List<AnalyzedQuery> analyzed = new ArrayList<>();
				for (Query query : file.queries()) {
					AnalyzedQuery result = analyzer.analyze(query, diagnostics);
					if (result != null) {
						analyzed.add(result);
					}
				}
				analyses.add(new ModelBuilder.FileAnalysis(file, analyzed));
			}
			ModelBuilder model = new ModelBuilder(config, catalog, diagnostics,
					(sent) -> analyzer.analyze(sent, new ArrayList<>()));
			return new Analysis(analyses, model.build(analyses));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Analysis database failed: " + ex.getMessage(), ex);
		}
	}

	public static List<QueryFile> parse(List<QuerySource> sources, List<Diagnostic> diagnostics) {
		List<QueryFile> files = new ArrayList<>();
		Map<String, String> names = new HashMap<>();
		List<QuerySource> sorted = new ArrayList<>(sources);
		sorted.sort((a, b) -> a.resourcePath().compareTo(b.resourcePath()));
		for (QuerySource source : sorted) {
			QueryFileParser.Result result = QueryFileParser.parse(
					dev.dbkit.codegen.parse.SourceText.of(source.path(), source.text()), source.baseName(),
					source.resourcePath());
			diagnostics.addAll(result.diagnostics());
			List<Query> kept = new ArrayList<>();
			for (Query query : result.file().queries()) {
				String other = names.putIfAbsent(query.name(), source.path() + ":" + query.line());
				if (other != null) {
					diagnostics.add(query.source().diagnostic(query.headerOffset(), "duplicate query name "
							+ query.name() + ", also at " + other + ": query names are unique across files because "
							+ "they name generated records"));
				}
				else {
					kept.add(query);
				}
			}
			files.add(new QueryFile(result.file().source(), result.file().baseName(), result.file().resourcePath(),
					kept));
		}
		return files;
	}

	private static String describe(List<QueryFile> files) {
		return files.isEmpty() ? "no query files" : files.get(0).resourcePath().substring(0,
				Math.max(0, files.get(0).resourcePath().lastIndexOf('/')));
	}

	/** Opens connections that use the simple query protocol. */
	@FunctionalInterface
	public interface ConnectionFactory {

		Connection open() throws SQLException;

	}

}
