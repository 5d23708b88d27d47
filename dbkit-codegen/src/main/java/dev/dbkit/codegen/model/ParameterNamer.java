package dev.dbkit.codegen.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.analyze.AnalyzedQuery;
import dev.dbkit.codegen.parse.ParameterRef;

/**
 * Names a query's parameters after what they meet: the name given ({@code @name}, {@code sqlc.arg(name)}), else the
 * column an INSERT writes them into, else the column they are compared with ({@code col = $n}, {@code $n = col},
 * {@code col = ANY($n)}), else {@code limit}/{@code offset}, else {@code paramN}.
 */
public final class ParameterNamer {

	private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

	private static final Pattern OPERATOR_BEFORE = Pattern
		.compile("(?is)(?:=|<>|!=|<=|>=|<|>|\\blike|\\bilike)\\s*(?:(?:any|all)\\s*)?\\(?\\s*$");

	private static final Pattern IDENTIFIER_AT_END = Pattern.compile("(?s)(?:^|[^A-Za-z0-9_:])\"?([A-Za-z_][A-Za-z0-9_]*)\"?$");

	private static final Pattern COMPARED_AFTER = Pattern.compile(
			"(?s)^(?:::[A-Za-z0-9_ \\[\\]]+)?\\)?\\s*(?:=|<>|!=|<=|>=|<|>)\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?(?:\\.\"?([A-Za-z_][A-Za-z0-9_]*)\"?)?(?!\\s*\\()");

	private static final Pattern LIMIT_OFFSET = Pattern.compile("(?is).*\\b(limit|offset)\\s*\\(?\\s*$");

	private static final Pattern SET_CLAUSE = Pattern
		.compile("(?is)\\bSET\\b(.*?)(?=\\bWHERE\\b|\\bRETURNING\\b|\\bFROM\\b|$)");

	private static final Pattern SET_ASSIGNMENT = Pattern.compile("(?s)\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*=\\s*\\$(\\d+)");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "where", "set", "select", "on", "when",
			"then", "else", "by", "any", "all", "null", "true", "false", "in", "is", "case", "end", "values", "having");

	private ParameterNamer() {
	}

	/** A name (in the query's SQL spelling, snake_case) for each parameter index. */
	public static Map<Integer, String> names(AnalyzedQuery analyzed) {
		Map<Integer, String> names = new HashMap<>();
		for (ParameterRef parameter : analyzed.query().parameters()) {
			if (parameter.name() != null) {
				names.put(parameter.index(), parameter.name());
			}
		}
		for (AnalyzedQuery.Parameter parameter : analyzed.parameters()) {
			if (parameter.insertedColumn() != null) {
				names.putIfAbsent(parameter.index(), parameter.insertedColumn().name());
			}
		}
		String sql = analyzed.query().postgresSql();
		Matcher matcher = PARAMETER.matcher(sql);
		while (matcher.find()) {
			int index = Integer.parseInt(matcher.group(1));
			if (names.containsKey(index)) {
				continue;
			}
			String name = nameAt(sql.substring(0, matcher.start()), sql.substring(matcher.end()));
			if (name != null) {
				names.put(index, name);
			}
		}
		for (AnalyzedQuery.Parameter parameter : analyzed.parameters()) {
			names.putIfAbsent(parameter.index(), "param" + parameter.index());
		}
		return names;
	}

	/** The columns that UPDATE ... SET (or ON CONFLICT DO UPDATE SET) assigns parameters to. */
	static Map<Integer, String> assignedColumns(String sql) {
		Map<Integer, String> assigned = new HashMap<>();
		Matcher set = SET_CLAUSE.matcher(sql);
		while (set.find()) {
			Matcher assignment = SET_ASSIGNMENT.matcher(set.group(1));
			while (assignment.find()) {
				assigned.putIfAbsent(Integer.parseInt(assignment.group(2)), assignment.group(1));
			}
		}
		return assigned;
	}

	private static @Nullable String nameAt(String before, String after) {
		Matcher limit = LIMIT_OFFSET.matcher(before);
		if (limit.matches()) {
			return limit.group(1).toLowerCase(Locale.ROOT);
		}
		Matcher operator = OPERATOR_BEFORE.matcher(before);
		if (operator.find()) {
			String left = before.substring(0, operator.start()).stripTrailing();
			if (left.endsWith(")")) {
				left = left.substring(0, left.length() - 1).stripTrailing();
			}
			Matcher identifier = IDENTIFIER_AT_END.matcher(left);
			if (identifier.find() && !KEYWORDS.contains(identifier.group(1).toLowerCase(Locale.ROOT))) {
				return identifier.group(1);
			}
		}
		Matcher compared = COMPARED_AFTER.matcher(after);
		if (compared.find()) {
			String name = (compared.group(2) != null) ? compared.group(2) : compared.group(1);
			if (!KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
				return name;
			}
		}
		return null;
	}

}
