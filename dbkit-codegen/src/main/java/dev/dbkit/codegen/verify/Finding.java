package dev.dbkit.codegen.verify;

/**
 * One finding of {@code dbkit:verify}.
 *
 * @param path the file it is about (the migration that created the object, or the query file)
 * @param line the line in that file
 * @param rule the rule
 * @param severity how much it matters
 * @param table the table it is about, if any (empty otherwise)
 * @param message what is wrong and what to do
 */
public record Finding(String path, int line, Rule rule, Severity severity, String table, String message) {

	@Override
	public String toString() {
		return this.path + ":" + this.line + ": [" + this.rule.id() + "] " + this.severity + ": " + this.message;
	}

}
