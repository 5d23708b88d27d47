package dev.dbkit.codegen;

/**
 * A problem in a query or migration file, for people: where it is and what to do.
 *
 * @param path the file as the user knows it
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong, and what to do
 */
public record Diagnostic(String path, int line, int column, String message) {

	@Override
	public String toString() {
		return this.path + ":" + this.line + ":" + this.column + ": " + this.message;
	}

}
