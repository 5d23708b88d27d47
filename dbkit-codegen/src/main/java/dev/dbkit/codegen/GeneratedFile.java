package dev.dbkit.codegen;

/**
 * A file the generator produced.
 *
 * @param path its path relative to the output directory, with {@code /} separators
 * @param content its content
 */
public record GeneratedFile(String path, String content) {
}
