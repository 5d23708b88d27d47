package dev.dbkit.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed {@code :many} reads a result of any size in bounded memory: 1,000,000 rows (about 200 MB as objects)
 * in a JVM with a 64 MB heap, where the same rows as a list do not fit. And it leaves the connection as it found it.
 */
class StreamingTests {

	static final int ROWS = 1_000_000;

	private final TestDatabase db = TestPostgres.shared().createDatabase("streaming");

	@Test
	void aMillionRowsStreamInASmallHeapWhereTheListDoesNotFit() throws Exception {
		long expectedSum = (long) ROWS * (ROWS + 1) / 2;
		Result streamed = child("stream");
		assertThat(streamed.exit).as("streamed, in 64 MB:%n%s", streamed.output).isZero();
		assertThat(streamed.output).contains("rows=" + ROWS + " sum=" + expectedSum);
		Result listed = child("list");
		assertThat(listed.exit).as("the same rows as a list, in 64 MB: the test's own control").isNotZero();
		assertThat(listed.output).contains("OutOfMemoryError");
	}

	@Test
	void aStreamRunsInTheCallersTransactionOrInItsOwnAndGivesTheConnectionBack() {
		javax.sql.DataSource dataSource = this.db.dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		QueryExecutor executor = new QueryExecutor(jdbc);
		ParameterBinder binder = (ps) -> ps.setInt(1, 2500);
		try (Stream<StreamingChild.Row> rows = executor.stream(StreamingChild.ROWS, null, binder,
				(rs) -> new StreamingChild.Row(rs.getLong(1), rs.getString(2)), 100)) {
			assertThat(rows.limit(10).map(StreamingChild.Row::n)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
					10L);
		}
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		Optional<Long> inside = transaction.execute((status) -> {
			jdbc.execute("CREATE TEMP TABLE seen (n int) ON COMMIT DROP");
			try (Stream<StreamingChild.Row> rows = executor.stream(StreamingChild.ROWS, null, binder,
					(rs) -> new StreamingChild.Row(rs.getLong(1), rs.getString(2)), 100)) {
				rows.forEach((row) -> {
					if (row.n() % 1000 == 0) {
						jdbc.update("INSERT INTO seen VALUES (?)", row.n());
					}
				});
			}
			return Optional.ofNullable(jdbc.queryForObject("SELECT sum(n) FROM seen", Long.class));
		});
		assertThat(inside).as("the stream and the writes share the caller's transaction").contains(3000L);
		List<Boolean> autoCommit = jdbc.query("SELECT 1", (rs, i) -> {
			try {
				return rs.getStatement().getConnection().getAutoCommit();
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(autoCommit).containsExactly(true);
	}

	private record Result(int exit, String output) {
	}

	private Result child(String mode) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:-UseGCOverheadLimit", "-cp",
				System.getProperty("java.class.path"), StreamingChild.class.getName(), this.db.jdbcUrl(),
				this.db.username(), mode, Integer.toString(ROWS));
		builder.redirectErrorStream(true);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

}
