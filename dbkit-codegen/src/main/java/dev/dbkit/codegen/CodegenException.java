package dev.dbkit.codegen;

import java.util.List;

/**
 * Generation found problems; nothing was written. Holds every problem of the run.
 */
public class CodegenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Diagnostic> diagnostics;

	public CodegenException(List<Diagnostic> diagnostics) {
		super(message(diagnostics));
		this.diagnostics = List.copyOf(diagnostics);
	}

	public List<Diagnostic> getDiagnostics() {
		return this.diagnostics;
	}

	private static String message(List<Diagnostic> diagnostics) {
		StringBuilder message = new StringBuilder();
		message.append(diagnostics.size()).append(diagnostics.size() == 1 ? " problem" : " problems")
			.append(" in query files; nothing was generated:");
		for (Diagnostic diagnostic : diagnostics) {
			message.append(System.lineSeparator()).append(diagnostic);
		}
		return message.toString();
	}

}
