package dev.dbkit.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * json and jsonb columns as Jackson trees ({@code JsonNode}) or the application's own classes, for a type override
 * of json/jsonb to a class. With {@code dbkit-starter} the mapper is the application's {@code JsonMapper} bean (its
 * modules and settings); without one, a mapper with the modules found on the class path.
 */
public final class JsonValues {

	private static volatile JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

	private JsonValues() {
	}

	/** Makes generated code read and write JSON with {@code jsonMapper} (the auto-configuration's doing). */
	public static void use(JsonMapper jsonMapper) {
		mapper = jsonMapper;
	}

	/** The mapper generated code reads and writes JSON with. */
	public static JsonMapper mapper() {
		return mapper;
	}

	/** Reads column {@code index} as a {@code type} ({@code null} when SQL NULL). */
	public static <T> @Nullable T get(ResultSet rs, int index, Class<T> type) throws SQLException {
		String text = rs.getString(index);
		return (text != null) ? mapper.readValue(text, type) : null;
	}

	/** Binds a value as JSON text of PostgreSQL type {@code type} (json or jsonb), {@code null} as SQL NULL. */
	public static void set(PreparedStatement ps, int index, @Nullable Object value, String type) throws SQLException {
		JdbcValues.setTyped(ps, index, (value != null) ? mapper.writeValueAsString(value) : null, type);
	}

}
