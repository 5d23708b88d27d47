package dev.dbkit.codegen.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.palantir.javapoet.ClassName;
import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.Diagnostic;
import dev.dbkit.codegen.GeneratorConfig;
import dev.dbkit.codegen.analyze.AnalyzedQuery;
import dev.dbkit.codegen.analyze.Catalog;
import dev.dbkit.codegen.parse.ParameterRef;
import dev.dbkit.codegen.parse.Query;
import dev.dbkit.codegen.parse.QueryCommand;
import dev.dbkit.codegen.parse.QueryFile;

/**
 * Turns analysed queries into the Java model: repositories with their methods, records and enums.
 */
public final class ModelBuilder {

	private static final int MAX_METHOD_PARAMETERS = 3;

	private final GeneratorConfig config;

	private final Catalog catalog;

	private final TypeMapper types;

	private final Map<String, RecordModel> tableRecords = new TreeMap<>();

	private final Map<String, RecordModel> queryRecords = new TreeMap<>();

	private final List<Diagnostic> diagnostics;

	private final Map<String, String> resourcePaths = new HashMap<>();

	/**
	 * The whole model.
	 *
	 * @param repositories repository classes, by file
	 * @param records every record, by name
	 * @param enums every enum, by name
	 */
	public record Model(List<RepositoryModel> repositories, List<RecordModel> records, List<EnumModel> enums) {
	}

	/**
	 * One file's analysed queries.
	 *
	 * @param file the parsed file
	 * @param queries its queries that analysed cleanly
	 */
	public record FileAnalysis(QueryFile file, List<AnalyzedQuery> queries) {
	}

	/**
	 * Analyses a statement again, as it will be sent: the analysis of a query's text with its stars written out.
	 */
	@FunctionalInterface
	public interface Reanalysis {

		@Nullable AnalyzedQuery analyze(Query sent);

	}

	private final Reanalysis reanalysis;

	/**
	 * @param reanalysis proves a query again after its {@code *} or {@code sqlc.embed} is written out: names are
	 * looked up by name where the star took columns by position, so the written-out text is sent only when its
	 * analysis is the query's own
	 */
	public ModelBuilder(GeneratorConfig config, Catalog catalog, List<Diagnostic> diagnostics, Reanalysis reanalysis) {
		this.config = config;
		this.catalog = catalog;
		this.types = new TypeMapper(catalog, config);
		this.diagnostics = diagnostics;
		this.reanalysis = reanalysis;
	}

	public Model build(List<FileAnalysis> files) {
		for (FileAnalysis file : files) {
			this.resourcePaths.put(file.file().source().path(), file.file().resourcePath());
		}
		List<RepositoryModel> repositories = new ArrayList<>();
		for (FileAnalysis file : files) {
			String base = Naming.upperCamel(file.file().baseName());
			List<MethodModel> scoped = new ArrayList<>();
			List<MethodModel> crossTenant = new ArrayList<>();
			for (AnalyzedQuery query : file.queries()) {
				MethodModel method = method(query);
				if (method != null) {
					(query.query().crossTenant() ? crossTenant : scoped).add(method);
				}
			}
			String path = file.file().resourcePath();
			if (!scoped.isEmpty() || crossTenant.isEmpty()) {
				repositories.add(new RepositoryModel(ClassName.get(this.config.packageName(), base + "Repository"), path,
						false, scoped));
			}
			if (!crossTenant.isEmpty()) {
				repositories.add(new RepositoryModel(
						ClassName.get(this.config.packageName(), base + "CrossTenantRepository"), path, true, crossTenant));
			}
		}
		List<RecordModel> records = new ArrayList<>(this.tableRecords.values());
		records.addAll(this.queryRecords.values());
		records.sort((a, b) -> a.className().simpleName().compareTo(b.className().simpleName()));
		List<EnumModel> enums = new ArrayList<>(this.types.enums().values());
		enums.sort((a, b) -> a.className().simpleName().compareTo(b.className().simpleName()));
		return new Model(repositories, records, enums);
	}

	private @Nullable MethodModel method(AnalyzedQuery analyzed) {
		Query query = analyzed.query();
		int before = this.diagnostics.size();
		Set<Integer> tenant = (analyzed.tenancy() instanceof AnalyzedQuery.Scoped scoped) ? scoped.parameters() : Set.of();
		Map<Integer, String> names = ParameterNamer.names(analyzed);
		Map<Integer, String> assigned = ParameterNamer.assignedColumns(query.postgresSql());
		Map<Integer, Boolean> declaredNullable = new HashMap<>();
		for (ParameterRef ref : query.parameters()) {
			declaredNullable.put(ref.index(), ref.nullable());
		}
		// names the generated method uses itself: a parameter named so is numbered instead of clashing
		Set<String> used = new LinkedHashSet<>(List.of("ps", "params", "at", "each", "items", "rows"));
		if (!tenant.isEmpty()) {
			used.add("tenantId");
		}
		List<MethodModel.Parameter> visible = new ArrayList<>();
		List<MethodModel.Parameter> bindings = new ArrayList<>();
		for (AnalyzedQuery.Parameter parameter : analyzed.parameters()) {
			int index = parameter.index();
			if (tenant.contains(index)) {
				String typeName = this.types.describe(baseType(parameter.typeOid()));
				String idType = this.config.tenantIdType();
				boolean fits = switch (idType) {
					case "long" -> typeName.equals("int8");
					case "string" -> typeName.equals("text") || typeName.equals("varchar");
					default -> typeName.equals("uuid");
				};
				if (!fits) {
					String column = switch (idType) {
						case "long" -> "bigint";
						case "string" -> "text";
						default -> "uuid";
					};
					error(query, parameterOffset(query, index), "the tenant column " + this.config.tenantColumn()
							+ " is " + typeName + ", but TenantContext holds a " + idType + " (the plugin's tenantIdType): "
							+ "make the tenant column " + column + ", or set tenantIdType to the column's type (uuid, "
							+ "long for bigint, string for text)");
					continue;
				}
				bindings.add(new MethodModel.Parameter(index, "tenantId", this.types.map(parameter.typeOid(), false, null)));
				continue;
			}
			Catalog.Column target = parameter.insertedColumn();
			if (target == null && analyzed.modifiedTable() != null && assigned.containsKey(index)) {
				target = analyzed.modifiedTable().column(assigned.get(index)).orElse(null);
			}
			boolean nullable = declaredNullable.getOrDefault(index, false) || (target != null && !target.notNull());
			// a column's override applies to values of its own type (not to $3::json written into a jsonb column)
			String columnKey = (target != null && analyzed.modifiedTable() != null
					&& target.typeOid() == parameter.typeOid())
					? analyzed.modifiedTable().name() + "." + target.name() : null;
			ValueType type = this.types.map(parameter.typeOid(), nullable, columnKey);
			if (type == null) {
				error(query, parameterOffset(query, index), "parameter $" + index + " has type "
						+ this.types.describe(parameter.typeOid()) + ", which has no Java mapping: add a typeOverride for "
						+ this.types.describe(parameter.typeOid()) + " in the plugin configuration, or cast the parameter");
				continue;
			}
			String name = names.get(index);
			if (type.isList() && target == null && !namedInSql(query, index)) {
				name = Naming.plural(name); // a list compared with a column: ids for id = ANY($2)
			}
			MethodModel.Parameter model = new MethodModel.Parameter(index, unique(Naming.lowerCamel(name), used), type);
			visible.add(model);
			bindings.add(model);
		}
		ClassName paramsRecord = null;
		boolean list = query.command().takesList();
		if (list && visible.isEmpty()) {
			error(query, query.headerOffset(), "a :" + query.command().name().toLowerCase(Locale.ROOT) + " query "
					+ "runs its statement for each element of a list of parameters (or inserts a list of rows), and this "
					+ "one has no parameter besides the tenant: use :exec, or add its parameters");
		}
		for (MethodModel.Parameter parameter : list ? visible : List.<MethodModel.Parameter>of()) {
			if (query.command() == QueryCommand.COPYFROM && parameter.type().arrayElementType() == null) {
				error(query, parameterOffset(query, parameter.index()), "parameter " + parameter.name() + " of :copyfrom "
						+ "query is a list: a list of lists cannot be sent as one array; use :batchexec");
			}
		}
		if (list && visible.size() == 1) {
			// the method's one parameter is the list of its values: ids for id = $1
			MethodModel.Parameter single = visible.get(0);
			used.remove(single.name());
			MethodModel.Parameter plural = new MethodModel.Parameter(single.index(),
					unique(Naming.plural(single.name()), used), single.type());
			visible.set(0, plural);
			bindings.set(bindings.indexOf(single), plural);
		}
		if (visible.size() > MAX_METHOD_PARAMETERS || (list && visible.size() > 1)) {
			paramsRecord = ClassName.get(this.config.packageName(), query.name() + "Params");
			this.queryRecords.put(paramsRecord.simpleName(), new RecordModel(paramsRecord, resourcePath(query),
					"Parameters of {@code " + query.name() + "}.",
					visible.stream().map((p) -> new RecordModel.Component(p.name(), p.type())).toList()));
		}
		MethodModel.Row row = query.command().returnsRows() ? row(analyzed) : null;
		if (this.diagnostics.size() > before) {
			return null;
		}
		String constant = Naming.constantName(Naming.lowerCamel(query.name()).replaceAll("([a-z0-9])([A-Z])", "$1_$2"));
		List<Integer> slots = new ArrayList<>();
		for (int slot : query.slots()) {
			slots.add(slot);
		}
		// SELECT * / RETURNING * of one table's row: the columns it meant today, so that a rolling deploy's newer
		// migration never shifts what this code reads by position
		String jdbcSql = (row == null) ? query.jdbcSql() : writtenOut(analyzed, row);
		MethodModel.Statement statement = new MethodModel.Statement(query.name(),
				MethodModel.Returns.valueOf(query.command().name()), query.line(), query.sql(), jdbcSql,
				List.copyOf(slots), query.javadoc(), query.crossTenant(), this.config.rowLevelSecurity(), query.stream());
		return new MethodModel(statement, Naming.methodName(query.name()), constant, visible, paramsRecord, bindings,
				new TreeSet<>(tenant), row);
	}

	/**
	 * The JDBC text with its star or embeds written out as column names, when the statement means the same with
	 * them: analysed again, it must bind the tenant through the same parameters, take the same parameter types (each
	 * written into the same column) and return the same columns. A name is looked up by name where the star took a column by position (an
	 * {@code INSERT ... SELECT *} from a subquery that renames its columns would write another column into
	 * {@code tenant_id}); where the meaning differs, the text is sent as written and proved.
	 */
	private String writtenOut(AnalyzedQuery analyzed, MethodModel.Row row) {
		Query query = analyzed.query();
		String jdbcSql;
		String postgresSql;
		if (!row.embeds().isEmpty()) {
			jdbcSql = StarExpansion.expandEmbeds(query.jdbcSql(), query.embeds(), row.embeds(), true);
			postgresSql = StarExpansion.expandEmbeds(query.postgresSql(), query.embeds(), row.embeds(), false);
		}
		else {
			Catalog.Table table = wholeTable(analyzed.columns());
			jdbcSql = StarExpansion.expand(query.jdbcSql(), table);
			postgresSql = StarExpansion.expand(query.postgresSql(), table);
			if (jdbcSql.equals(query.jdbcSql())) {
				// t.* among other items, over a join
				jdbcSql = StarExpansion.expandQualified(query.jdbcSql(), analyzed.columns());
				postgresSql = StarExpansion.expandQualified(query.postgresSql(), analyzed.columns());
			}
			if (jdbcSql.equals(query.jdbcSql())) {
				// a bare * over joined tables
				jdbcSql = StarExpansion.expandJoin(query.jdbcSql(), analyzed.columns());
				postgresSql = StarExpansion.expandJoin(query.postgresSql(), analyzed.columns());
			}
		}
		if (jdbcSql.equals(query.jdbcSql())) {
			return jdbcSql;
		}
		Query sent = query.rewritten(query.command(), postgresSql, jdbcSql, query.slots());
		AnalyzedQuery again = this.reanalysis.analyze(sent);
		boolean same = again != null && again.tenantParameters().equals(analyzed.tenantParameters())
				// each parameter of the same type, and written into the same column
				&& again.parameters().equals(analyzed.parameters())
				&& sameColumns(again.columns(), analyzed.columns());
		return same ? jdbcSql : query.jdbcSql();
	}

	private static boolean sameColumns(List<AnalyzedQuery.Column> a, List<AnalyzedQuery.Column> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			AnalyzedQuery.Column x = a.get(i);
			AnalyzedQuery.Column y = b.get(i);
			if (x.typeOid() != y.typeOid() || x.table() != y.table() || x.attnum() != y.attnum()
					|| x.nonNull() != y.nonNull()) {
				return false;
			}
		}
		return true;
	}

	private MethodModel.@Nullable Row row(AnalyzedQuery analyzed) {
		Query query = analyzed.query();
		List<AnalyzedQuery.Column> columns = analyzed.columns();
		if (!query.embeds().isEmpty()) {
			return embeddingRow(analyzed);
		}
		Catalog.Table table = wholeTable(columns);
		RecordModel record = (table != null) ? tableRecord(table, resourcePath(query)) : null;
		if (record != null) {
			return new MethodModel.Row(record.className(), "read" + record.className().simpleName(),
					record.components().stream().map(RecordModel.Component::type).toList(), false);
		}
		// not a whole table, or one with a column of a type without a Java mapping: the column-by-column path
		// says which column and which typeOverride to add
		List<ValueType> valueTypes = new ArrayList<>();
		List<RecordModel.Component> components = new ArrayList<>();
		Set<String> used = new LinkedHashSet<>();
		for (AnalyzedQuery.Column column : columns) {
			ValueType type = columnType(query, column);
			if (type == null) {
				continue;
			}
			valueTypes.add(type);
			components.add(new RecordModel.Component(unique(Naming.lowerCamel(strip(column.label())), used), type));
		}
		if (valueTypes.size() != columns.size()) {
			return null;
		}
		if (valueTypes.size() == 1 && !valueTypes.get(0).nullable()) {
			return new MethodModel.Row(valueTypes.get(0).type().box(), "read" + query.name(), valueTypes, true);
		}
		ClassName rowClass = ClassName.get(this.config.packageName(), query.name() + "Row");
		this.queryRecords.put(rowClass.simpleName(), new RecordModel(rowClass, resourcePath(query),
				"A row of {@code " + query.name() + "}.", components));
		return new MethodModel.Row(rowClass, "read" + rowClass.simpleName(), valueTypes, false);
	}

	/**
	 * A row with {@code sqlc.embed(alias)} items: each is its table's record, nested, and {@code null} when it comes
	 * from the missing side of an outer join (the plan says which side may be missing; sqlc cannot tell).
	 */
	private MethodModel.@Nullable Row embeddingRow(AnalyzedQuery analyzed) {
		Query query = analyzed.query();
		List<AnalyzedQuery.Column> columns = analyzed.columns();
		int[] items;
		try {
			items = SelectList.embedItems(query.postgresSql(), query.embeds());
		}
		catch (SelectList.Unplaceable ex) {
			error(query, ex.fileOffset, ex.getMessage());
			return null;
		}
		List<ValueType> valueTypes = new ArrayList<>();
		List<RecordModel.Component> components = new ArrayList<>();
		List<MethodModel.Embedded> embeds = new ArrayList<>();
		List<RecordModel.Component> embedded = new ArrayList<>();
		List<String> aliases = new ArrayList<>();
		Set<String> used = new LinkedHashSet<>();
		int column = 0;
		for (int item = 0; column < columns.size(); item++) {
			int embedIndex = indexOf(items, item);
			if (embedIndex < 0) {
				AnalyzedQuery.Column plain = columns.get(column++);
				ValueType type = columnType(query, plain);
				if (type == null) {
					return null;
				}
				valueTypes.add(type);
				components.add(new RecordModel.Component(unique(Naming.lowerCamel(strip(plain.label())), used), type));
				continue;
			}
			Query.Embed embed = query.embeds().get(embedIndex);
			Catalog.Table table = columns.get(column).table();
			int width = (table != null) ? table.columns().size() : 0;
			if (table == null || column + width > columns.size() || !sameTable(columns.subList(column, column + width),
					table)) {
				error(query, embed.fileOffset(), "sqlc.embed(" + embed.alias() + ") is not the row of one table: embed "
						+ "a table of the FROM clause (by its name or alias), not a subquery, CTE or function");
				return null;
			}
			RecordModel record = tableRecord(table, resourcePath(query));
			if (record == null) {
				columnType(query, columns.get(column)); // says which column has no Java type
				error(query, embed.fileOffset(), "sqlc.embed(" + embed.alias() + "): table " + table.name()
						+ " has a column without a Java type: add its typeOverride");
				return null;
			}
			int nullCheck = -1;
			boolean outer = false;
			for (int k = 0; k < width; k++) {
				Catalog.Column declared = table.columns().get(k);
				if (declared.notNull()) {
					nullCheck = (nullCheck < 0) ? k : nullCheck;
					outer |= !columns.get(column + k).nonNull();
				}
			}
			record.components().forEach((c) -> valueTypes.add(c.type()));
			embeds.add(new MethodModel.Embedded(column, width, record.className(), outer, Math.max(nullCheck, 0),
					table.columns().stream().map(Catalog.Column::name).toList()));
			// named after the table's record (task), as sqlc does; by alias when one table is embedded twice
			String name = Naming.lowerCamel(record.className().simpleName());
			embedded.add(new RecordModel.Component(name, ValueType.of(ValueType.Kind.OBJECT, record.className(), outer)));
			aliases.add(embed.alias());
			components.add(null);
			column += width;
		}
		for (int e = 0, c = 0; c < components.size(); c++) {
			if (components.get(c) == null) {
				RecordModel.Component component = embedded.get(e);
				String name = component.name();
				boolean twice = embedded.stream().filter((other) -> other.name().equals(name)).count() > 1;
				components.set(c, new RecordModel.Component(unique(twice ? Naming.lowerCamel(aliases.get(e)) : name,
						used), component.type()));
				e++;
			}
		}
		ClassName rowClass = ClassName.get(this.config.packageName(), query.name() + "Row");
		this.queryRecords.put(rowClass.simpleName(), new RecordModel(rowClass, resourcePath(query),
				"A row of {@code " + query.name() + "}.", components));
		return new MethodModel.Row(rowClass, "read" + rowClass.simpleName(), valueTypes, false, embeds);
	}

	private static int indexOf(int[] items, int item) {
		for (int i = 0; i < items.length; i++) {
			if (items[i] == item) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the columns are the table's, in order (their nullability aside: an outer join's side is nullable). */
	private static boolean sameTable(List<AnalyzedQuery.Column> columns, Catalog.Table table) {
		for (int i = 0; i < columns.size(); i++) {
			AnalyzedQuery.Column column = columns.get(i);
			if (column.table() != table || column.attnum() != table.columns().get(i).attnum()) {
				return false;
			}
		}
		return true;
	}

	private @Nullable ValueType columnType(Query query, AnalyzedQuery.Column column) {
		Catalog.Column source = (column.table() != null) ? column.table().attnum(column.attnum()).orElse(null) : null;
		// a column's override applies to the column itself, not to an expression of another type over it
		String columnKey = (source != null && source.typeOid() == column.typeOid())
				? column.table().name() + "." + source.name() : null;
		ValueType type = this.types.map(column.typeOid(), !column.nonNull(), columnKey);
		if (type == null) {
			error(query, query.sqlOffset(), "column " + column.label() + " has type "
					+ this.types.describe(column.typeOid()) + ", which has no Java mapping: add a typeOverride for "
					+ this.types.describe(column.typeOid()) + " in the plugin configuration, or cast the column");
		}
		return type;
	}

	/** The table when the columns are exactly its columns, in order, with its nullability. */
	private static Catalog.@Nullable Table wholeTable(List<AnalyzedQuery.Column> columns) {
		if (columns.isEmpty() || columns.get(0).table() == null) {
			return null;
		}
		Catalog.Table table = columns.get(0).table();
		if (table.columns().size() != columns.size()) {
			return null;
		}
		for (int i = 0; i < columns.size(); i++) {
			AnalyzedQuery.Column column = columns.get(i);
			Catalog.Column expected = table.columns().get(i);
			if (column.table() != table || column.attnum() != expected.attnum()
					|| !strip(column.label()).equals(expected.name()) || column.nonNull() != expected.notNull()) {
				return null;
			}
		}
		return table;
	}

	private @Nullable RecordModel tableRecord(Catalog.Table table, String sourceFile) {
		String key = table.schema() + "." + table.name();
		RecordModel existing = this.tableRecords.get(key);
		if (existing != null) {
			return existing;
		}
		List<RecordModel.Component> components = new ArrayList<>();
		Set<String> used = new LinkedHashSet<>();
		for (Catalog.Column column : table.columns()) {
			ValueType type = this.types.map(column.typeOid(), !column.notNull(), table.name() + "." + column.name());
			if (type == null) {
				return null;
			}
			components.add(new RecordModel.Component(unique(Naming.lowerCamel(column.name()), used), type));
		}
		// a table named like one of public in another schema (baz.users) takes its schema's name too (BazUser)
		Catalog.Table namesake = this.catalog.table("public", table.name());
		String recordName = (namesake != null && namesake != table)
				? Naming.recordName(table.schema() + "_" + table.name()) : Naming.recordName(table.name());
		RecordModel record = new RecordModel(ClassName.get(this.config.packageName(), recordName), sourceFile,
				"A row of table {@code " + (table.schema().equals("public") ? table.name() : key) + "}.", components);
		this.tableRecords.put(key, record);
		return record;
	}

	/** A domain's base type (a domain over uuid is a uuid), or the type itself. */
	private long baseType(long typeOid) {
		long oid = typeOid;
		for (int depth = 0; depth < 10; depth++) {
			Catalog.Type type = this.catalog.type(oid);
			if (type == null || type.kind() != 'd' || type.baseOid() == 0) {
				return oid;
			}
			oid = type.baseOid();
		}
		return oid;
	}

	private String resourcePath(Query query) {
		return this.resourcePaths.getOrDefault(query.source().path(), query.source().path());
	}

	private static String strip(String label) {
		return (label.endsWith("!") || label.endsWith("?")) ? label.substring(0, label.length() - 1) : label;
	}

	/** {@code name}, or {@code name2}, {@code name3}... when taken: deterministic in query order. */
	private static String unique(String name, Set<String> used) {
		String candidate = name;
		for (int n = 2; !used.add(candidate); n++) {
			candidate = name + n;
		}
		return candidate;
	}

	private static boolean namedInSql(Query query, int index) {
		return query.parameters().stream().anyMatch((p) -> p.index() == index && p.name() != null);
	}

	private static int parameterOffset(Query query, int index) {
		return query.parameters().stream().filter((p) -> p.index() == index).findFirst()
			.map(ParameterRef::offset).orElse(query.sqlOffset());
	}

	private void error(Query query, int offset, String message) {
		this.diagnostics.add(query.source().diagnostic(offset, "query " + query.name() + ": " + message));
	}

}
