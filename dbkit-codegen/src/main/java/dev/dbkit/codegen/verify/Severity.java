package dev.dbkit.codegen.verify;

import java.util.Locale;

/** How much a finding matters: errors fail the build, warnings are reported, off rules do not run. */
public enum Severity {

	ERROR, WARNING, OFF;

	public static Severity parse(String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown severity '" + value + "': use error, warning or off");
		}
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
