package dev.dbkit.autoconfigure.repository;

import java.util.List;

import dev.dbkit.repository.RepositoryDefinition;
import dev.dbkit.repository.RepositoryIndex;

/** Shaped like a generated index. */
public final class TestRepositoryIndex implements RepositoryIndex {

	@Override
	public List<RepositoryDefinition<?>> repositories() {
		return List.of(new RepositoryDefinition<>(NotesRepository.class, NotesRepository::new,
				List.of(NotesRepository.ADD, NotesRepository.LIST)));
	}

}
