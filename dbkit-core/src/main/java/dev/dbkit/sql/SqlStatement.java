package dev.dbkit.sql;

/**
 * One statement of a script: its text (without the terminating semicolon) and where it starts in the file.
 *
 * @param sql the statement text, starting at its first significant character
 * @param offset the 0-based character offset of the statement in the script
 * @param line the 1-based line of the statement's first character
 * @param column the 1-based column of the statement's first character
 */
public record SqlStatement(String sql, int offset, int line, int column) {

	/**
	 * The 1-based line in the script of a 1-based character position inside this statement, as PostgreSQL reports
	 * it in an error's {@code position}.
	 */
	public int lineOf(int positionInStatement) {
		int end = Math.min(Math.max(positionInStatement - 1, 0), this.sql.length());
		int result = this.line;
		for (int i = 0; i < end; i++) {
			if (this.sql.charAt(i) == '\n') {
				result++;
			}
		}
		return result;
	}

}
