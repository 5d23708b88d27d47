package dev.dbkit.codegen.emit;

import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;

import dev.dbkit.codegen.GeneratedFile;
import dev.dbkit.codegen.model.RepositoryModel;

/**
 * Emits the index of a package's repositories and its {@code ServiceLoader} entry, which the auto-configuration
 * reads to register each repository as a bean without scanning or reflection.
 */
final class IndexEmitter {

	static final String INDEX_CLASS = "DbkitRepositoryIndex";

	static final ClassName REPOSITORY_INDEX = ClassName.get("dev.dbkit.repository", "RepositoryIndex");

	static final ClassName REPOSITORY_DEFINITION = ClassName.get("dev.dbkit.repository", "RepositoryDefinition");

	private IndexEmitter() {
	}

	static GeneratedFile emit(String packageName, List<RepositoryModel> repositories, String sourceDescription) {
		CodeBlock.Builder list = CodeBlock.builder().add("return $T.of(", List.class).indent().indent();
		for (int i = 0; i < repositories.size(); i++) {
			RepositoryModel repository = repositories.get(i);
			ClassName type = repository.className();
			CodeBlock queries = repository.methods()
				.stream()
				.map((method) -> CodeBlock.of("$T.$L", type, method.constant()))
				.collect(CodeBlock.joining(", "));
			list.add((i == 0) ? "\n" : ",\n")
				.add("new $T<>($T.class, $T::new, $T.of($L))", REPOSITORY_DEFINITION, type, type, List.class, queries);
		}
		list.unindent().unindent().add(");\n");
		TypeSpec index = Sources.mark(TypeSpec.classBuilder(INDEX_CLASS))
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.addSuperinterface(REPOSITORY_INDEX)
			.addJavadoc("The repositories generated into this package, for the auto-configuration to register as beans.\n")
			.addMethod(MethodSpec.methodBuilder("repositories")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(ParameterizedTypeName.get(ClassName.get(List.class),
						ParameterizedTypeName.get(REPOSITORY_DEFINITION, WildcardTypeName.subtypeOf(Object.class))))
				.addCode(list.build())
				.build())
			.build();
		return Sources.file(packageName, index, sourceDescription);
	}

	static GeneratedFile serviceEntry(String packageName) {
		return new GeneratedFile("META-INF/services/" + REPOSITORY_INDEX.canonicalName(),
				packageName + "." + INDEX_CLASS + "\n");
	}

}
