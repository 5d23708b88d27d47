package dev.dbkit.migration;

import java.util.List;

/**
 * A problem with the migration files or with the database's migration history. Each problem names the file or
 * version it is about and says what to do.
 */
public class MigrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public MigrationException(String problem) {
		this(List.of(problem), null);
	}

	public MigrationException(String problem, Throwable cause) {
		this(List.of(problem), cause);
	}

	public MigrationException(List<String> problems) {
		this(problems, null);
	}

	private MigrationException(List<String> problems, Throwable cause) {
		super(message(problems), cause);
		this.problems = List.copyOf(problems);
	}

	/** Every problem found, one sentence group each. */
	public List<String> getProblems() {
		return this.problems;
	}

	private static String message(List<String> problems) {
		if (problems.size() == 1) {
			return problems.get(0);
		}
		StringBuilder message = new StringBuilder(problems.size() + " migration problems:");
		for (String problem : problems) {
			message.append(System.lineSeparator()).append("  - ").append(problem);
		}
		return message.toString();
	}

}
