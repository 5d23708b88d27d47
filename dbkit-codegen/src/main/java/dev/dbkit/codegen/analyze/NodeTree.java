package dev.dbkit.codegen.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's own serialization of its node trees ({@code nodeToString}, what {@code debug_print_plan} sends),
 * read the way the server's {@code pg_strtok} reads it: tokens end at white space or at an unescaped parenthesis or
 * brace, and a backslash escapes the next character. Identifiers inside the tree (aliases, column names) therefore
 * cannot be mistaken for structure, whatever they contain, and each field holds exactly one value.
 *
 * <p>
 * A value is a {@link Node} ({@code {LABEL :field value ...}}), a {@link List} ({@code ( ... )}, typed lists keep
 * their leading {@code i}, {@code o} or {@code b}), a {@link String} token (quotes and escapes removed), or
 * {@code null} ({@code <>}).
 */
public final class NodeTree {

	/** A node: its label ({@code SEQSCAN}, {@code OPEXPR}) and its fields in order, names without the colon. */
	public record Node(String label, Map<String, @Nullable Object> fields) {

		/** The field {@code name}, also when it is written with its embedding prefix ({@code scan.plan.qual}). */
		public @Nullable Object get(String name) {
			Object exact = this.fields.get(name);
			if (exact != null || this.fields.containsKey(name)) {
				return exact;
			}
			for (Map.Entry<String, @Nullable Object> field : this.fields.entrySet()) {
				if (field.getKey().endsWith("." + name)) {
					return field.getValue();
				}
			}
			return null;
		}

		public @Nullable Node node(String name) {
			return (get(name) instanceof Node node) ? node : null;
		}

		/** A list field; empty when absent or {@code <>}. */
		public List<Object> list(String name) {
			return (get(name) instanceof List<?> list) ? Collections.unmodifiableList(list) : List.of();
		}

		/** The nodes of a list field. */
		public List<Node> nodes(String name) {
			List<Node> nodes = new ArrayList<>();
			for (Object item : list(name)) {
				if (item instanceof Node node) {
					nodes.add(node);
				}
			}
			return nodes;
		}

		/** The numbers of an integer, OID or bitmap list field ({@code (i 1 2)}). */
		public List<Long> numbers(String name) {
			return NodeTree.numbers(list(name));
		}

		public @Nullable String string(String name) {
			return (get(name) instanceof String token) ? token : null;
		}

		/** A numeric field, or {@code fallback} when absent or not a number. */
		public long number(String name, long fallback) {
			String token = string(name);
			return (token != null && isNumber(token)) ? Long.parseLong(token) : fallback;
		}

		public boolean is(String label) {
			return this.label.equals(label);
		}

	}

	private final String text;

	private int position;

	/** The numbers of a list value ({@code (i 1 2)}, {@code (o 16384)}), its type letter left out. */
	public static List<Long> numbers(List<?> list) {
		List<Long> numbers = new ArrayList<>();
		for (Object item : list) {
			if (item instanceof String token && isNumber(token)) {
				numbers.add(Long.parseLong(token));
			}
		}
		return numbers;
	}

	private NodeTree(String text) {
		this.text = text;
	}

	/**
	 * Reads one serialized value.
	 * @throws IllegalArgumentException when the text is not a well-formed node tree
	 */
	public static @Nullable Object parse(String text) {
		NodeTree reader = new NodeTree(text);
		Object value = reader.value(reader.next());
		if (reader.next() != null) {
			throw new IllegalArgumentException("trailing text after the node tree at " + reader.position);
		}
		return value;
	}

	/** Reads one serialized node. */
	public static Node parseNode(String text) {
		if (parse(text) instanceof Node node) {
			return node;
		}
		throw new IllegalArgumentException("not a node tree");
	}

	private @Nullable Object value(@Nullable String token) {
		if (token == null) {
			throw new IllegalArgumentException("node tree ends early");
		}
		return switch (token) {
			case "{" -> node();
			case "(" -> list();
			case "<>" -> null;
			case ")", "}" -> throw new IllegalArgumentException("unexpected " + token + " at " + this.position);
			default -> word(token);
		};
	}

	private Node node() {
		String label = next();
		if (label == null || isDelimiter(label)) {
			throw new IllegalArgumentException("node without a label at " + this.position);
		}
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		while (true) {
			String token = next();
			if (token == null) {
				throw new IllegalArgumentException("node " + label + " is not closed");
			}
			if (token.equals("}")) {
				return new Node(label, fields);
			}
			if (!token.startsWith(":")) {
				throw new IllegalArgumentException("expected a field of " + label + " at " + this.position + ", found "
						+ token);
			}
			Object value = value(next());
			// a datum: its length, then its bytes in brackets
			if (value instanceof String length && isNumber(length) && "[".equals(peek())) {
				String token2;
				do {
					token2 = next();
				}
				while (token2 != null && !token2.equals("]"));
			}
			if (fields.containsKey(token.substring(1))) {
				// the server writes each field once: a second one means the text is not what it seems
				throw new IllegalArgumentException("field " + token + " of " + label + " appears twice");
			}
			fields.put(token.substring(1), value);
		}
	}

	private List<@Nullable Object> list() {
		List<@Nullable Object> items = new ArrayList<>();
		while (true) {
			String token = next();
			if (token == null) {
				throw new IllegalArgumentException("list is not closed");
			}
			if (token.equals(")")) {
				return items;
			}
			items.add(value(token));
		}
	}

	/** A plain token: quotes of a string node removed, backslash escapes resolved. */
	private static String word(String token) {
		if (token.length() >= 2 && token.charAt(0) == '"' && token.charAt(token.length() - 1) == '"') {
			return unescape(token.substring(1, token.length() - 1));
		}
		return unescape(token);
	}

	private static String unescape(String token) {
		if (token.indexOf('\\') < 0) {
			return token;
		}
		StringBuilder out = new StringBuilder(token.length());
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == '\\' && i + 1 < token.length()) {
				c = token.charAt(++i);
			}
			out.append(c);
		}
		return out.toString();
	}

	private @Nullable String peek() {
		int saved = this.position;
		String token = next();
		this.position = saved;
		return token;
	}

	/** The next raw token, as {@code pg_strtok} delimits it. */
	private @Nullable String next() {
		int length = this.text.length();
		while (this.position < length && isSpace(this.text.charAt(this.position))) {
			this.position++;
		}
		if (this.position >= length) {
			return null;
		}
		int start = this.position;
		char first = this.text.charAt(start);
		if (first == '(' || first == ')' || first == '{' || first == '}') {
			this.position++;
			return String.valueOf(first);
		}
		while (this.position < length) {
			char c = this.text.charAt(this.position);
			if (isSpace(c) || c == '(' || c == ')' || c == '{' || c == '}') {
				break;
			}
			this.position += (c == '\\' && this.position + 1 < length) ? 2 : 1;
		}
		return this.text.substring(start, this.position);
	}

	/** Exactly the white space {@code pg_strtok} skips: a carriage return is part of a token there. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\n' || c == '\t';
	}

	private static boolean isDelimiter(String token) {
		return token.equals("(") || token.equals(")") || token.equals("{") || token.equals("}");
	}

	static boolean isNumber(String token) {
		if (token.isEmpty() || token.length() > 18) {
			return false;
		}
		int start = (token.charAt(0) == '-') ? 1 : 0;
		if (start == token.length()) {
			return false;
		}
		for (int i = start; i < token.length(); i++) {
			if (!Character.isDigit(token.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
