package dev.dbkit.codegen.emit;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import dev.dbkit.codegen.GeneratedFile;
import dev.dbkit.codegen.model.EnumModel;
import dev.dbkit.codegen.model.Naming;

/** Emits a Java enum for a PostgreSQL enum: constants in label order, each knowing its label. */
final class EnumEmitter {

	private static final ClassName POSTGRES_ENUM = ClassName.get("dev.dbkit.query", "PostgresEnum");

	private EnumEmitter() {
	}

	static GeneratedFile emit(EnumModel model, String sourceFile) {
		TypeSpec.Builder type = Sources.mark(TypeSpec.enumBuilder(model.className()))
			.addModifiers(Modifier.PUBLIC)
			.addSuperinterface(POSTGRES_ENUM)
			.addJavadoc("The PostgreSQL enum {@code $L}.", Sources.javadocText(model.typeName()));
		CodeBlock.Builder lookup = CodeBlock.builder().add("return switch (label) {\n").indent();
		for (String label : model.labels()) {
			String constant = Naming.constantName(label);
			type.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("$S", label).build());
			lookup.add("case $S -> $L;\n", label, constant);
		}
		lookup.add("default -> throw new $T($S + label + $S);\n", IllegalArgumentException.class,
				"Unknown " + model.typeName() + " label '", "'")
			.unindent()
			.add("};\n");
		type.addField(FieldSpec.builder(String.class, "label", Modifier.PRIVATE, Modifier.FINAL).build())
			.addMethod(MethodSpec.constructorBuilder()
				.addParameter(String.class, "label")
				.addStatement("this.label = label")
				.build())
			.addMethod(MethodSpec.methodBuilder("label")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(String.class)
				.addJavadoc("The label as the database spells it.")
				.addStatement("return this.label")
				.build())
			.addMethod(MethodSpec.methodBuilder("fromLabel")
				.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
				.returns(model.className())
				.addParameter(String.class, "label")
				.addJavadoc("The constant for a database label.")
				.addCode(lookup.build())
				.build());
		return Sources.file(model.className().packageName(), type.build(), sourceFile);
	}

}
