package dev.dbkit.codegen.emit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.GeneratedFile;
import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.codegen.model.MethodModel;
import dev.dbkit.codegen.model.RepositoryModel;
import dev.dbkit.codegen.model.ValueType;

/**
 * Emits a repository class: one method per query, each binding its parameters (the tenant from
 * {@code TenantContext}) and reading rows by column index through the {@code QueryExecutor} seam.
 */
final class RepositoryEmitter {

	static final ClassName EXECUTOR = ClassName.get("dev.dbkit.query", "QueryExecutor");

	static final ClassName GENERATED_QUERY = ClassName.get("dev.dbkit.query", "GeneratedQuery");

	static final ClassName TENANT_CONTEXT = ClassName.get("dev.dbkit.tenant", "TenantContext");

	static final ClassName BINDER = ClassName.get("dev.dbkit.query", "ParameterBinder");

	static final ClassName JDBC_VALUES = ClassName.get("dev.dbkit.query", "JdbcValues");

	private RepositoryEmitter() {
	}

	static GeneratedFile emit(RepositoryModel repository) {
		TypeSpec.Builder type = Sources.mark(TypeSpec.classBuilder(repository.className()))
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc(repository.crossTenant()
					? "Platform queries of {@code $L} marked {@code -- dbkit:cross-tenant}: they may read or write the rows "
							+ "of every tenant and take no tenant from {@code TenantContext}.\n"
					: "Queries of {@code $L}. Tenant-scoped methods take the tenant from {@code TenantContext} and throw "
							+ "{@code TenantMissingException} without one, before any SQL is sent.\n",
					Sources.commentSafe(repository.sourceFile()));
		for (MethodModel method : repository.methods()) {
			type.addField(constant(method, repository.sourceFile()));
		}
		// one instance of each converter a type override names, made once
		Map<String, ClassName> converters = new java.util.TreeMap<>();
		for (MethodModel method : repository.methods()) {
			List<ValueType> values = new java.util.ArrayList<>();
			method.bindings().forEach((p) -> values.add(p.type()));
			if (method.row() != null) {
				values.addAll(method.row().columns());
			}
			for (ValueType value : values) {
				if (value.converter() != null) {
					converters.put(value.converterField(), value.converter());
				}
			}
		}
		converters.forEach((field, converter) -> type.addField(FieldSpec
			.builder(converter, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
			.initializer("new $T()", converter)
			.build()));
		type.addField(FieldSpec.builder(EXECUTOR, "executor", Modifier.PRIVATE, Modifier.FINAL).build());
		type.addMethod(MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PUBLIC)
			.addParameter(EXECUTOR, "executor")
			.addStatement("this.executor = executor")
			.build());
		Map<String, MethodModel.Row> readers = new LinkedHashMap<>();
		for (MethodModel method : repository.methods()) {
			type.addMethod(method(method, repository));
			if (method.statement().stream()) {
				type.addMethod(streamMethod(method, repository));
			}
			if (method.row() != null) {
				readers.putIfAbsent(method.row().reader(), method.row());
			}
		}
		for (MethodModel.Row row : readers.values()) {
			type.addMethod(reader(row));
		}
		return Sources.file(repository.className().packageName(), type.build(), repository.sourceFile());
	}

	private static FieldSpec constant(MethodModel method, String sourceFile) {
		MethodModel.Statement query = method.statement();
		// with row-level security, the settings statement goes in the same round trip: the policies see what the
		// proof proved
		GeneratedQuery.Scope scope = !method.tenantParameters().isEmpty() ? GeneratedQuery.Scope.TENANT
				: query.crossTenant() ? GeneratedQuery.Scope.CROSS_TENANT : GeneratedQuery.Scope.GLOBAL;
		String sql = !query.rowLevelSecurity() ? query.jdbcSql() : switch (scope) {
			case TENANT -> GeneratedQuery.TENANT_SETTINGS + query.jdbcSql();
			case CROSS_TENANT ->
				GeneratedQuery.CROSS_TENANT_SETTINGS + query.jdbcSql() + GeneratedQuery.CROSS_TENANT_END;
			case GLOBAL -> query.jdbcSql();
		};
		// package-private: the package's repository index lists them
		return FieldSpec.builder(GENERATED_QUERY, method.constant(), Modifier.STATIC, Modifier.FINAL)
			.initializer("new $T($S, $S, $L, $S, $S, $T.$L)", GENERATED_QUERY, query.name(), sourceFile, query.line(),
					query.returns().name().toLowerCase(java.util.Locale.ROOT), sql, GENERATED_QUERY.nestedClass("Scope"),
					scope.name())
			.build();
	}

	private static MethodSpec method(MethodModel method, RepositoryModel repository) {
		String sourceFile = repository.sourceFile();
		MethodModel.Statement query = method.statement();
		MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name()).addModifiers(Modifier.PUBLIC);
		spec.addJavadoc("$L", javadoc(method, sourceFile));
		boolean list = query.returns().takesList();
		String access;
		String items = null;
		if (list) {
			// one element per run (or row): the parameters record, or the one parameter's type
			TypeName element = (method.parametersRecord() != null) ? method.parametersRecord()
					: method.parameters().get(0).type().type().box();
			items = (method.parametersRecord() != null)
					? (query.returns() == MethodModel.Returns.COPYFROM ? "rows" : "items")
					: method.parameters().get(0).name();
			spec.addParameter(ParameterizedTypeName.get(ClassName.get(List.class), element), items);
			access = (method.parametersRecord() != null) ? "each.%s()" : "each";
		}
		else {
			access = parameters(spec, method);
		}
		boolean scoped = !method.tenantParameters().isEmpty();
		if (scoped) {
			spec.addStatement(tenantDeclaration(method));
		}
		MethodModel.Row row = method.row();
		CodeBlock tenant = scoped ? CodeBlock.of("tenantId") : CodeBlock.of("null");
		switch (query.returns()) {
			case ONE -> spec.returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row.type()))
				.addStatement("return this.executor.one($L, $L, $T::$L)", method.constant(), binder(method, access),
						repository.className(), row.reader());
			case MANY -> spec.returns(ParameterizedTypeName.get(ClassName.get(List.class), row.type()))
				.addStatement("return this.executor.many($L, $L, $T::$L)", method.constant(), binder(method, access),
						repository.className(), row.reader());
			case EXEC -> spec.addStatement("this.executor.exec($L, $L)", method.constant(), binder(method, access));
			case EXECROWS, EXECRESULT -> spec.returns(TypeName.LONG)
				.addStatement("return this.executor.execRows($L, $L)", method.constant(), binder(method, access));
			case EXECLASTID -> spec.returns(row.type().isBoxedPrimitive() ? row.type().unbox() : row.type())
				.addStatement("return this.executor.value($L, $L, $T::$L)", method.constant(), binder(method, access),
						repository.className(), row.reader());
			case BATCHEXEC -> spec.returns(long[].class)
				.addStatement("return this.executor.batchExec($L, $L, $L, $L, $L)", method.constant(), tenant, items,
						query.slots().size(), itemBinder(method, access));
			case BATCHONE -> spec
				.returns(ParameterizedTypeName.get(ClassName.get(List.class),
						ParameterizedTypeName.get(ClassName.get(Optional.class), row.type())))
				.addStatement("return this.executor.batchOne($L, $L, $L, $L, $L, $T::$L)", method.constant(), tenant,
						items, query.slots().size(), itemBinder(method, access), repository.className(), row.reader());
			case BATCHMANY -> spec
				.returns(ParameterizedTypeName.get(ClassName.get(List.class),
						ParameterizedTypeName.get(ClassName.get(List.class), row.type())))
				.addStatement("return this.executor.batchMany($L, $L, $L, $L, $L, $T::$L)", method.constant(), tenant,
						items, query.slots().size(), itemBinder(method, access), repository.className(), row.reader());
			case COPYFROM -> spec.returns(TypeName.LONG)
				.addStatement("return this.executor.execRows($L, $L)", method.constant(),
						columnsBinder(method, items, repository));
		}
		return spec.build();
	}

	private static CodeBlock binder(MethodModel method, String access) {
		return binder(method,
				(parameter, slot) -> bind(parameter, slot, CodeBlock.of(String.format(access, parameter.name()))),
				true);
	}

	/**
	 * {@code stream<Name>} beside a {@code :many} marked {@code -- dbkit:stream}: the same parameters, a
	 * {@code Stream} of its rows read through a cursor. The executor sends row-level security's setting itself:
	 * the driver uses a cursor for a text of one statement only.
	 */
	private static MethodSpec streamMethod(MethodModel method, RepositoryModel repository) {
		MethodModel.Row row = method.row();
		MethodSpec.Builder spec = MethodSpec.methodBuilder("stream" + Character.toUpperCase(method.name().charAt(0))
				+ method.name().substring(1)).addModifiers(Modifier.PUBLIC);
		spec.addJavadoc("$L", javadoc(method, repository.sourceFile()));
		spec.addJavadoc("<p>\nThe rows as they are read, $L at a time through a cursor, in the caller's transaction or "
				+ "a read-only one of the stream's own. Close the stream (try-with-resources): until then it holds a "
				+ "connection.\n", "{@code QueryExecutor.STREAM_FETCH_SIZE}");
		String access = parameters(spec, method);
		boolean scoped = !method.tenantParameters().isEmpty();
		if (scoped) {
			spec.addStatement(tenantDeclaration(method));
		}
		CodeBlock binder = binder(method,
				(parameter, slot) -> bind(parameter, slot, CodeBlock.of(String.format(access, parameter.name()))),
				false);
		return spec.returns(ParameterizedTypeName.get(ClassName.get(Stream.class), row.type()))
			.addStatement("return this.executor.stream($L, $L, $L, $T::$L, $T.STREAM_FETCH_SIZE)", method.constant(),
					scoped ? "tenantId" : "null", binder, repository.className(), row.reader(), EXECUTOR)
			.build();
	}

	/** Binds every column of a {@code :copyfrom}'s rows as one array; the tenant as one value. */
	private static CodeBlock columnsBinder(MethodModel method, String rows, RepositoryModel repository) {
		return binder(method, (parameter, slot) -> {
			CodeBlock column = (method.parametersRecord() != null)
					? CodeBlock.of("$T::$L", method.parametersRecord(), parameter.name())
					: CodeBlock.of("$T.identity()", Function.class);
			return CodeBlock.of("$T.setColumn(ps, $L, $L, $L, $S)", JDBC_VALUES, slot, rows, column,
					parameter.type().arrayElementType());
		}, true);
	}

	/** How a caller's parameter is bound to a placeholder. */
	@FunctionalInterface
	private interface Binding {

		CodeBlock bind(MethodModel.Parameter parameter, int slot);

	}

	/** @param settingsSlot whether the first placeholder is row-level security's setting, bound here */
	private static CodeBlock binder(MethodModel method, Binding binding, boolean settingsSlot) {
		List<Integer> slots = method.statement().slots();
		boolean tenant = settingsSlot && !method.tenantParameters().isEmpty() && method.statement().rowLevelSecurity();
		if (slots.isEmpty() && !tenant) {
			return CodeBlock.of("$T.NONE", BINDER);
		}
		CodeBlock.Builder lambda = CodeBlock.builder().add("(ps) -> {\n").indent();
		// the tenant for dbkit.tenant_id, then the statement's own parameters
		int first = tenant ? 2 : 1;
		if (tenant) {
			lambda.add("ps.setString(1, $T.valueOf(tenantId));\n", String.class);
		}
		for (int slot = 0; slot < slots.size(); slot++) {
			int index = slots.get(slot);
			MethodModel.Parameter parameter = parameter(method, index);
			lambda.add("$L;\n", method.tenantParameters().contains(index)
					? bind(parameter, slot + first, CodeBlock.of("tenantId"))
					: binding.bind(parameter, slot + first));
		}
		return lambda.unindent().add("}").build();
	}

	/** Binds one item of a batch after {@code at}: the executor binds the settings statement's tenant itself. */
	private static CodeBlock itemBinder(MethodModel method, String access) {
		List<Integer> slots = method.statement().slots();
		CodeBlock.Builder lambda = CodeBlock.builder().add("(ps, at, each) -> {\n").indent();
		for (int slot = 0; slot < slots.size(); slot++) {
			int index = slots.get(slot);
			MethodModel.Parameter parameter = parameter(method, index);
			CodeBlock value = method.tenantParameters().contains(index) ? CodeBlock.of("tenantId")
					: CodeBlock.of(String.format(access, parameter.name()));
			lambda.add("$L;\n", parameter.type().bind("at + " + (slot + 1), value));
		}
		return lambda.unindent().add("}").build();
	}

	/**
	 * Declares the caller's parameters (their record, when there are more than three) and returns how a binder
	 * reads one of them, a format for its name.
	 */
	private static String parameters(MethodSpec.Builder spec, MethodModel method) {
		if (method.parametersRecord() != null) {
			spec.addParameter(method.parametersRecord(), "params");
			return "params.%s()";
		}
		for (MethodModel.Parameter parameter : method.parameters()) {
			spec.addParameter(ParameterSpec.builder(parameter.type().declared(), parameter.name()).build());
		}
		return "%s";
	}

	/** The tenant from {@code TenantContext}, as the type of the tenant column (the plugin's {@code tenantIdType}). */
	private static CodeBlock tenantDeclaration(MethodModel method) {
		TypeName type = parameter(method, method.tenantParameters().iterator().next()).type().type();
		String read = type.equals(TypeName.LONG) ? "requireLong" : type.equals(ClassName.get(String.class))
				? "requireString" : "require";
		return CodeBlock.of("$T tenantId = $T.$L()", type, TENANT_CONTEXT, read);
	}

	private static MethodModel.Parameter parameter(MethodModel method, int index) {
		return method.bindings().stream().filter((p) -> p.index() == index).findFirst().orElseThrow();
	}

	private static CodeBlock bind(MethodModel.Parameter parameter, int slot, CodeBlock value) {
		return parameter.type().bind(slot, value);
	}

	private static MethodSpec reader(MethodModel.Row row) {
		MethodSpec.Builder reader = MethodSpec.methodBuilder(row.reader())
			.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
			.addParameter(ResultSet.class, "rs")
			.addException(SQLException.class);
		if (row.scalar()) {
			return reader.returns(row.columns().get(0).declared())
				.addStatement("return $L", row.columns().get(0).read(1))
				.build();
		}
		CodeBlock.Builder arguments = CodeBlock.builder();
		boolean first = true;
		for (int i = 0; i < row.columns().size(); i++) {
			arguments.add(first ? "\n" : ",\n");
			first = false;
			MethodModel.Embedded embed = embedAt(row, i);
			if (embed == null) {
				arguments.add("$L", row.columns().get(i).read(i + 1));
				continue;
			}
			// sqlc.embed: the table's record, null when its row is missing from an outer join
			CodeBlock.Builder nested = CodeBlock.builder().add("new $T(", embed.record()).indent().indent();
			for (int k = 0; k < embed.width(); k++) {
				nested.add((k == 0) ? "\n" : ",\n").add("$L", row.columns().get(i + k).read(i + k + 1));
			}
			nested.add(")").unindent().unindent();
			if (embed.nullable()) {
				arguments.add("$T.isNull(rs, $L) ? null : $L", JDBC_VALUES, i + embed.nullCheck() + 1, nested.build());
			}
			else {
				arguments.add("$L", nested.build());
			}
			i += embed.width() - 1;
		}
		return reader.returns(row.type())
			.addCode(CodeBlock.builder()
				.add("return new $T(", row.type())
				.indent()
				.indent()
				.add(arguments.build())
				.unindent()
				.unindent()
				.add(");\n")
				.build())
			.build();
	}

	private static MethodModel.@Nullable Embedded embedAt(MethodModel.Row row, int column) {
		return row.embeds().stream().filter((e) -> e.first() == column).findFirst().orElse(null);
	}

	private static String javadoc(MethodModel method, String sourceFile) {
		MethodModel.Statement query = method.statement();
		StringBuilder doc = new StringBuilder();
		for (String line : query.javadoc()) {
			doc.append(Sources.javadocText(line)).append('\n');
		}
		if (!query.javadoc().isEmpty()) {
			doc.append('\n');
		}
		doc.append("<pre>\n").append(Sources.javadocText(query.sql())).append("\n</pre>\n");
		doc.append("<p>\n{@code ").append(query.name()).append(" :")
			.append(query.returns().name().toLowerCase(java.util.Locale.ROOT)).append("} from {@code ")
			.append(Sources.commentSafe(sourceFile)).append(':').append(query.line()).append("}");
		if (!method.tenantParameters().isEmpty()) {
			doc.append(", scoped to the current tenant ({@code TenantContext.require()})");
		}
		if (query.crossTenant()) {
			doc.append(", cross-tenant: not scoped to a tenant");
		}
		doc.append(".\n");
		switch (query.returns()) {
			case BATCHEXEC, BATCHONE, BATCHMANY -> doc.append("Runs once per element of the list, pipelined (several "
					+ "runs per round trip), in one transaction: all or none.\n");
			case COPYFROM -> doc.append("Inserts every row of the list in one statement, each column sent as one array:"
					+ "\n<pre>\n").append(Sources.javadocText(query.jdbcSql())).append("\n</pre>\n");
			default -> {
			}
		}
		return doc.toString();
	}

}
