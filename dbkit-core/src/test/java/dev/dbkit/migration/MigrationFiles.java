package dev.dbkit.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes crafted migration directories for tests. */
final class MigrationFiles {

	private final Path directory;

	MigrationFiles(Path directory) {
		this.directory = directory;
	}

	MigrationFiles pair(String name, String up, String down) {
		return file(name + ".up.sql", up).file(name + ".down.sql", down);
	}

	MigrationFiles file(String fileName, String content) {
		try {
			Files.createDirectories(this.directory);
			Files.writeString(this.directory.resolve(fileName), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	MigrationFiles delete(String fileName) {
		try {
			Files.delete(this.directory.resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	Path directory() {
		return this.directory;
	}

	String location() {
		return "filesystem:" + this.directory;
	}

	String path(String fileName) {
		return this.directory.resolve(fileName).toString();
	}

}
