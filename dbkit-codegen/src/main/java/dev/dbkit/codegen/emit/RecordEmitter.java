package dev.dbkit.codegen.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;

import javax.lang.model.element.Modifier;

import dev.dbkit.codegen.GeneratedFile;
import dev.dbkit.codegen.model.RecordModel;

/** Emits a record: a table's row, a query's row or a query's parameters. */
final class RecordEmitter {

	private RecordEmitter() {
	}

	static GeneratedFile emit(RecordModel record) {
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
		for (RecordModel.Component component : record.components()) {
			constructor.addParameter(ParameterSpec.builder(component.type().declared(), component.name()).build());
		}
		TypeSpec type = Sources.mark(TypeSpec.recordBuilder(record.className())
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("$L", Sources.commentSafe(record.doc()))
			.recordConstructor(constructor.build())).build();
		return Sources.file(record.className().packageName(), type, record.sourceFile());
	}

}
