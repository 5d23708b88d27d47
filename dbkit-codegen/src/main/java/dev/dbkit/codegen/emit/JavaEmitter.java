package dev.dbkit.codegen.emit;

import java.util.ArrayList;
import java.util.List;

import dev.dbkit.codegen.GeneratedFile;
import dev.dbkit.codegen.model.EnumModel;
import dev.dbkit.codegen.model.ModelBuilder.Model;
import dev.dbkit.codegen.model.RecordModel;
import dev.dbkit.codegen.model.RepositoryModel;

/**
 * Emits the whole model: sources (repositories, records, enums, the index) and resources (the index's
 * {@code ServiceLoader} entry). Writes nothing itself.
 */
public final class JavaEmitter {

	private JavaEmitter() {
	}

	/**
	 * What was emitted.
	 *
	 * @param sources Java sources, relative to the sources directory
	 * @param resources resources, relative to the resources directory
	 */
	public record Output(List<GeneratedFile> sources, List<GeneratedFile> resources) {
	}

	public static Output emit(String packageName, Model model, String queriesDescription) {
		List<GeneratedFile> sources = new ArrayList<>();
		for (RepositoryModel repository : model.repositories()) {
			sources.add(RepositoryEmitter.emit(repository));
		}
		for (RecordModel record : model.records()) {
			sources.add(RecordEmitter.emit(record));
		}
		for (EnumModel enumModel : model.enums()) {
			sources.add(EnumEmitter.emit(enumModel, queriesDescription));
		}
		sources.add(IndexEmitter.emit(packageName, model.repositories(), queriesDescription));
		sources.sort((a, b) -> a.path().compareTo(b.path()));
		return new Output(sources, List.of(IndexEmitter.serviceEntry(packageName)));
	}

}
