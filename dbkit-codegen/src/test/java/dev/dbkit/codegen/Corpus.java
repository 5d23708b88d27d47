package dev.dbkit.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A folder of test cases, one dynamic test per case folder. Folders whose name starts with {@code _} hold what
 * several cases share (a schema) and are not cases.
 */
public final class Corpus {

	private Corpus() {
	}

	public static Stream<DynamicTest> cases(Path root, ThrowingConsumer<Path> check) throws IOException {
		try (Stream<Path> dirs = Files.list(root)) {
			return dirs.filter(Files::isDirectory)
				.filter((dir) -> !dir.getFileName().toString().startsWith("_"))
				.sorted()
				.toList()
				.stream()
				.map((dir) -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check.accept(dir)));
		}
	}

	/** Whether this run rewrites expected files ({@code -Ddbkit.golden.update=true}) rather than checking them. */
	public static boolean updating() {
		return Boolean.getBoolean("dbkit.golden.update");
	}

}
