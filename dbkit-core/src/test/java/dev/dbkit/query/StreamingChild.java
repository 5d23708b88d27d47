package dev.dbkit.query;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Reads 1,000,000 rows of about 200 bytes each (some 200 MB as objects) in a JVM started with a small heap by
 * {@link StreamingTests}: {@code stream} must get through, {@code many} must not. Prints the row count and the sum
 * of the first column.
 */
public final class StreamingChild {

	static final GeneratedQuery ROWS = new GeneratedQuery("Rows", "streaming", 1,
			"SELECT g, repeat(md5(g::text), 6) FROM generate_series(1, ?) g", GeneratedQuery.Scope.GLOBAL);

	private StreamingChild() {
	}

	record Row(long n, String text) {
	}

	public static void main(String[] args) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], "");
		QueryExecutor executor = new QueryExecutor(new JdbcTemplate(dataSource));
		int rows = Integer.parseInt(args[3]);
		ParameterBinder binder = (ps) -> ps.setInt(1, rows);
		RowReader<Row> reader = (rs) -> new Row(rs.getLong(1), rs.getString(2));
		long count;
		long sum;
		if (args[2].equals("stream")) {
			try (Stream<Row> stream = executor.stream(ROWS, null, binder, reader, QueryExecutor.STREAM_FETCH_SIZE)) {
				long[] totals = new long[2];
				stream.forEach((row) -> {
					totals[0]++;
					totals[1] += row.n();
				});
				count = totals[0];
				sum = totals[1];
			}
		}
		else {
			List<Row> all = executor.many(ROWS, binder, reader);
			count = all.size();
			sum = all.stream().mapToLong(Row::n).sum();
		}
		System.out.println("rows=" + count + " sum=" + sum);
	}

}
