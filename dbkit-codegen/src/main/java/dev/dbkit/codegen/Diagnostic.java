package dev.dbkit.codegen;

/**
 * A problem in a query or migration file, for people: where it is and what to do; and, for tools, what kind of
 * problem it is.
 *
 * @param path the file as the user knows it
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong, and what to do
 * @param code the kind of problem: {@link #TENANCY} for a statement the tenant proof refuses, {@link #GENERATE} for
 * everything else (it is the id of the {@code dbkit:verify} rule that reports it)
 */
public record Diagnostic(String path, int line, int column, String message, String code) {

	/** A statement the tenant proof refuses. */
	public static final String TENANCY = "tenant-filter";

	/** Any other problem that stops generation. */
	public static final String GENERATE = "generate";

	public Diagnostic(String path, int line, int column, String message) {
		this(path, line, column, message, GENERATE);
	}

	public Diagnostic withCode(String newCode) {
		return new Diagnostic(this.path, this.line, this.column, this.message, newCode);
	}

	@Override
	public String toString() {
		return this.path + ":" + this.line + ":" + this.column + ": " + this.message;
	}

}
