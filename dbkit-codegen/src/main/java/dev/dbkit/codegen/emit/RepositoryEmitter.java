package dev.dbkit.codegen.emit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

import dev.dbkit.codegen.GeneratedFile;
import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.codegen.model.MethodModel;
import dev.dbkit.codegen.model.RepositoryModel;

/**
 * Emits a repository class: one method per query, each binding its parameters (the tenant from
 * {@code TenantContext}) and reading rows by column index through the {@code QueryExecutor} seam.
 */
final class RepositoryEmitter {

	static final ClassName EXECUTOR = ClassName.get("dev.dbkit.query", "QueryExecutor");

	static final ClassName GENERATED_QUERY = ClassName.get("dev.dbkit.query", "GeneratedQuery");

	static final ClassName TENANT_CONTEXT = ClassName.get("dev.dbkit.tenant", "TenantContext");

	static final ClassName BINDER = ClassName.get("dev.dbkit.query", "ParameterBinder");

	static final ClassName UUID = ClassName.get("java.util", "UUID");

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
		type.addField(FieldSpec.builder(EXECUTOR, "executor", Modifier.PRIVATE, Modifier.FINAL).build());
		type.addMethod(MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PUBLIC)
			.addParameter(EXECUTOR, "executor")
			.addStatement("this.executor = executor")
			.build());
		Map<String, MethodModel.Row> readers = new LinkedHashMap<>();
		for (MethodModel method : repository.methods()) {
			type.addMethod(method(method, repository));
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
		return FieldSpec.builder(GENERATED_QUERY, method.constant(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
			.initializer("new $T($S, $S, $L, $S, $T.$L)", GENERATED_QUERY, query.name(), sourceFile, query.line(), sql,
					GENERATED_QUERY.nestedClass("Scope"), scope.name())
			.build();
	}

	private static MethodSpec method(MethodModel method, RepositoryModel repository) {
		String sourceFile = repository.sourceFile();
		MethodModel.Statement query = method.statement();
		MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name()).addModifiers(Modifier.PUBLIC);
		spec.addJavadoc("$L", javadoc(method, sourceFile));
		String access;
		if (method.parametersRecord() != null) {
			spec.addParameter(method.parametersRecord(), "params");
			access = "params.%s()";
		}
		else {
			for (MethodModel.Parameter parameter : method.parameters()) {
				spec.addParameter(ParameterSpec.builder(parameter.type().declared(), parameter.name()).build());
			}
			access = "%s";
		}
		if (!method.tenantParameters().isEmpty()) {
			spec.addStatement("$T tenantId = $T.require()", UUID, TENANT_CONTEXT);
		}
		CodeBlock binder = binder(method, access);
		MethodModel.Row row = method.row();
		switch (query.returns()) {
			case ONE -> spec.returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row.type()))
				.addStatement("return this.executor.one($L, $L, $T::$L)", method.constant(), binder,
						repository.className(), row.reader());
			case MANY -> spec.returns(ParameterizedTypeName.get(ClassName.get(List.class), row.type()))
				.addStatement("return this.executor.many($L, $L, $T::$L)", method.constant(), binder,
						repository.className(), row.reader());
			case EXEC -> spec.addStatement("this.executor.exec($L, $L)", method.constant(), binder);
			case EXECROWS, EXECRESULT -> spec.returns(TypeName.LONG)
				.addStatement("return this.executor.execRows($L, $L)", method.constant(), binder);
			case EXECLASTID -> spec.returns(row.type().isBoxedPrimitive() ? row.type().unbox() : row.type())
				.addStatement("return this.executor.value($L, $L, $T::$L)", method.constant(), binder,
						repository.className(), row.reader());
		}
		return spec.build();
	}

	private static CodeBlock binder(MethodModel method, String access) {
		List<Integer> slots = method.statement().slots();
		boolean tenant = !method.tenantParameters().isEmpty() && method.statement().rowLevelSecurity();
		if (slots.isEmpty() && !tenant) {
			return CodeBlock.of("$T.NONE", BINDER);
		}
		CodeBlock.Builder lambda = CodeBlock.builder().add("(ps) -> {\n").indent();
		// the tenant for dbkit.tenant_id, then the statement's own parameters
		int first = tenant ? 2 : 1;
		if (tenant) {
			lambda.add("ps.setString(1, tenantId.toString());\n");
		}
		for (int slot = 0; slot < slots.size(); slot++) {
			int index = slots.get(slot);
			MethodModel.Parameter parameter = method.bindings()
				.stream()
				.filter((p) -> p.index() == index)
				.findFirst()
				.orElseThrow();
			CodeBlock value = method.tenantParameters().contains(index) ? CodeBlock.of("tenantId")
					: CodeBlock.of(String.format(access, parameter.name()));
			lambda.add("$L;\n", bind(parameter, slot + first, value));
		}
		return lambda.unindent().add("}").build();
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
		for (int i = 0; i < row.columns().size(); i++) {
			arguments.add((i == 0) ? "\n" : ",\n").add("$L", row.columns().get(i).read(i + 1));
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
		return doc.toString();
	}

}
