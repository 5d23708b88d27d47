package dev.dbkit.codegen.model;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.dbkit.codegen.parse.Query;
import dev.dbkit.sql.SqlLexer;

/**
 * Where each {@code sqlc.embed(alias)} stands in the statement's own select list: its index among the top-level
 * select items, so that the result columns before it can be counted (one per item).
 */
final class SelectList {

	/** Why the embeds cannot be placed. */
	static final class Unplaceable extends Exception {

		private static final long serialVersionUID = 1L;

		final int fileOffset;

		Unplaceable(int fileOffset, String message) {
			super(message);
			this.fileOffset = fileOffset;
		}

	}

	private SelectList() {
	}

	/** For each embed, in order, the index of its item in the select list it belongs to. */
	static int[] embedItems(String sql, List<Query.Embed> embeds) throws Unplaceable {
		List<SqlLexer.Token> tokens = SqlLexer.significantTokens(sql);
		Set<Integer> embedStars = new HashSet<>();
		for (Query.Embed embed : embeds) {
			embedStars.add(embed.position() + embed.alias().length() + 1);
		}
		int[] items = new int[embeds.size()];
		int select = -1;
		for (int e = 0; e < embeds.size(); e++) {
			Query.Embed embed = embeds.get(e);
			int depth = 0;
			int lastSelect = -1;
			int at = -1;
			for (int t = 0; t < tokens.size(); t++) {
				SqlLexer.Token token = tokens.get(t);
				String text = token.text(sql);
				if (token.start() == embed.position()) {
					at = t;
					break;
				}
				depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
				if (depth == 0 && token.kind() == SqlLexer.Kind.IDENTIFIER
						&& text.toUpperCase(Locale.ROOT).equals("SELECT")) {
					lastSelect = t;
				}
			}
			if (at < 0 || depth != 0 || lastSelect < 0 || (select >= 0 && lastSelect != select)) {
				throw new Unplaceable(embed.fileOffset(), "sqlc.embed(" + embed.alias() + ") goes in the select list "
						+ "of the statement itself (not in a subquery, CTE or second SELECT of a UNION)");
			}
			select = lastSelect;
			int commas = 0;
			for (int t = lastSelect + 1; t < at; t++) {
				String text = tokens.get(t).text(sql);
				depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
				if (depth == 0 && text.equals(",")) {
					commas++;
				}
				String previous = tokens.get(t - 1).text(sql);
				if (depth == 0 && text.equals("*") && !embedStars.contains(tokens.get(t).start())
						&& (previous.equals(".") || previous.equals(",") || t - 1 == lastSelect)) {
					throw new Unplaceable(embed.fileOffset(), "sqlc.embed(" + embed.alias() + ") comes after a * in "
							+ "the select list, whose width dbkit does not count: name those columns, or put the "
							+ "embeds first");
				}
			}
			items[e] = commas;
		}
		return items;
	}

}
