package dev.dbkit.codegen.model;

import java.util.Locale;
import java.util.Set;

/**
 * How SQL names become Java names, in one place (sqlc's conventions): {@code GetFeatureFlag} becomes
 * {@code getFeatureFlag}, {@code feature_flags.sql} {@code FeatureFlagsRepository}, the table {@code feature_flags}
 * the record {@code FeatureFlag}, the column {@code is_enabled} {@code isEnabled}, the enum label {@code on_hold}
 * {@code ON_HOLD}.
 */
public final class Naming {

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
			"finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
			"native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
			"super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
			"while", "true", "false", "null", "record", "var", "yield", "sealed", "permits");

	private Naming() {
	}

	/** {@code GetFeatureFlag} → {@code getFeatureFlag}. */
	public static String methodName(String queryName) {
		return safe(Character.toLowerCase(queryName.charAt(0)) + queryName.substring(1));
	}

	/** {@code feature_flags} → {@code FeatureFlags}. */
	public static String upperCamel(String snake) {
		StringBuilder result = new StringBuilder();
		for (String part : words(snake)) {
			result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		if (result.isEmpty()) {
			return "Value";
		}
		return Character.isJavaIdentifierStart(result.charAt(0)) ? result.toString() : "_" + result;
	}

	/** {@code is_enabled} → {@code isEnabled}; Java keywords get a trailing underscore. */
	public static String lowerCamel(String snake) {
		String upper = upperCamel(snake);
		return safe(Character.toLowerCase(upper.charAt(0)) + upper.substring(1));
	}

	/** {@code feature_flags} → {@code FeatureFlag}. */
	public static String recordName(String table) {
		return upperCamel(singular(table));
	}

	/** {@code on_hold} → {@code ON_HOLD}. */
	public static String constantName(String label) {
		String name = label.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
		if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
			name = "_" + name;
		}
		return name;
	}

	/** The plural of a name: {@code id} → {@code ids}, {@code status} → {@code statuses}. */
	public static String plural(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith("us") || lower.endsWith("ss") || lower.endsWith("x") || lower.endsWith("ch")
				|| lower.endsWith("sh")) {
			return name + "es";
		}
		if (lower.endsWith("s")) {
			return name; // already plural
		}
		if (lower.endsWith("y") && name.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
			return name.substring(0, name.length() - 1) + "ies";
		}
		return name + "s";
	}

	/** The singular of the last word of a table name: {@code feature_flags} → {@code feature_flag}. */
	public static String singular(String name) {
		int cut = name.lastIndexOf('_') + 1;
		String head = name.substring(0, cut);
		String word = name.substring(cut);
		String lower = word.toLowerCase(Locale.ROOT);
		String single;
		if (lower.endsWith("ies") && word.length() > 3) {
			single = word.substring(0, word.length() - 3) + "y";
		}
		else if (lower.endsWith("sses") || lower.endsWith("shes") || lower.endsWith("ches") || lower.endsWith("xes")
				|| lower.endsWith("uses")) {
			single = word.substring(0, word.length() - 2);
		}
		else if (lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && !lower.endsWith("is")
				&& word.length() > 1) {
			single = word.substring(0, word.length() - 1);
		}
		else {
			single = word;
		}
		return head + single;
	}

	private static String[] words(String snake) {
		String cleaned = snake.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (cleaned.isEmpty()) {
			return new String[0];
		}
		String[] parts = cleaned.split("_+");
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			// keep camelCase words as written (GetURL), lower the rest of all-caps snake words
			parts[i] = part.equals(part.toUpperCase(Locale.ROOT)) && part.length() > 1 && snake.contains("_")
					? part.charAt(0) + part.substring(1).toLowerCase(Locale.ROOT) : part;
		}
		return parts;
	}

	private static String safe(String name) {
		return KEYWORDS.contains(name) ? name + "_" : name;
	}

}
