package dev.dbkit.codegen.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A file's text with its line starts, to turn offsets into line and column.
 *
 * @param path the file as the user knows it
 * @param text its content
 * @param lineStarts offset of each line's first character
 */
public record SourceText(String path, String text, int[] lineStarts) {

	public static SourceText of(String path, String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return new SourceText(path, text, starts.stream().mapToInt(Integer::intValue).toArray());
	}

	/** 1-based line of an offset. */
	public int line(int offset) {
		int low = 0;
		int high = this.lineStarts.length - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (this.lineStarts[mid] <= offset) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low + 1;
	}

	/** 1-based column of an offset. */
	public int column(int offset) {
		return offset - this.lineStarts[line(offset) - 1] + 1;
	}

	public dev.dbkit.codegen.Diagnostic diagnostic(int offset, String message) {
		return new dev.dbkit.codegen.Diagnostic(this.path, line(offset), column(offset), message);
	}

}
