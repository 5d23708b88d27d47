package dev.dbkit.codegen.model;

import java.util.Map;
import java.util.TreeMap;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;

import dev.dbkit.codegen.GeneratorConfig;
import dev.dbkit.codegen.analyze.Catalog;
import dev.dbkit.codegen.model.ValueType.Kind;

/**
 * Database types to Java types (uuid → UUID, text → String, int4 → int/Integer, numeric → BigDecimal, timestamptz →
 * OffsetDateTime, arrays → List, enums → generated Java enums, jsonb and every other scalar type → String in
 * PostgreSQL's text form; composite types have none), with the overrides of the
 * configuration by {@code table.column} and by type name.
 */
final class TypeMapper {

	private final Catalog catalog;

	private final GeneratorConfig config;

	private final Map<Long, EnumModel> enums = new TreeMap<>();

	TypeMapper(Catalog catalog, GeneratorConfig config) {
		this.catalog = catalog;
		this.config = config;
	}

	/** The Java enums that mapped types refer to, by type OID. */
	Map<Long, EnumModel> enums() {
		return this.enums;
	}

	/**
	 * The Java type of a value of type {@code oid}.
	 * @param column {@code table.column} when the value is a table's column, for column overrides
	 * @return the type, or {@code null} when there is no mapping
	 */
	@Nullable ValueType map(long oid, boolean nullable, @Nullable String column) {
		Catalog.Type type = this.catalog.type(oid);
		String columnOverride = (column != null) ? this.config.columnOverrides().get(column) : null;
		if (columnOverride != null) {
			return overridden(columnOverride, nullable, (type != null) ? bindName(type) : null);
		}
		if (type == null) {
			return null;
		}
		String typeOverride = this.config.typeOverrides().get(type.name());
		if (typeOverride != null) {
			return overridden(typeOverride, nullable, bindName(type));
		}
		if (type.kind() == 'd') {
			return map(type.baseOid(), nullable, null);
		}
		if (type.kind() == 'e') {
			return ValueType.of(Kind.ENUM, enumModel(type).className(), nullable, bindName(type));
		}
		if (type.isArray()) {
			Catalog.Type element = this.catalog.type(type.elementOid());
			if (element == null) {
				return null;
			}
			if (element.kind() == 'e') {
				return ValueType.list(Kind.ENUM_LIST, enumModel(element).className(), bindName(element), nullable);
			}
			ClassName elementClass = arrayElement(element.name());
			return (elementClass != null) ? ValueType.list(Kind.LIST, elementClass, bindName(element), nullable)
					: null;
		}
		return switch (type.name()) {
			case "bool" -> ValueType.of(Kind.BOOLEAN, TypeName.BOOLEAN, nullable);
			case "int2" -> ValueType.of(Kind.SHORT, TypeName.SHORT, nullable);
			case "int4" -> ValueType.of(Kind.INT, TypeName.INT, nullable);
			case "int8" -> ValueType.of(Kind.LONG, TypeName.LONG, nullable);
			case "float4" -> ValueType.of(Kind.FLOAT, TypeName.FLOAT, nullable);
			case "float8" -> ValueType.of(Kind.DOUBLE, TypeName.DOUBLE, nullable);
			case "numeric" -> ValueType.of(Kind.DECIMAL, ClassName.get("java.math", "BigDecimal"), nullable);
			case "text", "varchar", "bpchar", "name", "citext", "xml" ->
				ValueType.of(Kind.STRING, ClassName.get(String.class), nullable, bindName(type));
			case "json", "jsonb" -> ValueType.typedText(type.name(), nullable);
			case "inet", "cidr", "macaddr", "interval" -> ValueType.typedText(type.name(), nullable);
			case "uuid" -> ValueType.of(Kind.OBJECT, ClassName.get("java.util", "UUID"), nullable, type.name());
			case "timestamptz" ->
				ValueType.of(Kind.OBJECT, ClassName.get("java.time", "OffsetDateTime"), nullable, type.name());
			case "timestamp" ->
				ValueType.of(Kind.OBJECT, ClassName.get("java.time", "LocalDateTime"), nullable, type.name());
			case "date" -> ValueType.of(Kind.OBJECT, ClassName.get("java.time", "LocalDate"), nullable, type.name());
			case "time" -> ValueType.of(Kind.OBJECT, ClassName.get("java.time", "LocalTime"), nullable, type.name());
			case "bytea" -> ValueType.of(Kind.BYTES, TypeName.get(byte[].class), nullable);
			// every other scalar type (bit strings, geometry, ranges, full-text, oid and xid, money, pg_lsn, ltree,
			// hstore, ...): its text form as PostgreSQL writes it, bound as text of that type, as jsonb is
			default -> (type.kind() == 'b' || type.kind() == 'r' || type.kind() == 'm')
					? ValueType.typedText(bindName(type), nullable) : null;
		};
	}

	/**
	 * An overriding Java type. The types dbkit maps itself keep their JDBC calls ({@code String} reads the value's
	 * text and binds text the server converts; {@code BigDecimal} uses {@code getBigDecimal}, which the driver
	 * supports for every numeric type); any other class goes through the driver's {@code getObject(int, Class)}
	 * and {@code setObject}.
	 */
	private static ValueType overridden(String override, boolean nullable, @Nullable String pgType) {
		// "com.acme.Money via com.acme.MoneyConverter": a ValueConverter between the value's text form and the class
		String[] via = override.strip().split("\\s+via\\s+");
		if (via.length == 2) {
			return ValueType.converted(ClassName.bestGuess(via[0]), ClassName.bestGuess(via[1]),
					(pgType != null) ? pgType : "text", nullable);
		}
		String javaType = override.strip();
		boolean json = "json".equals(pgType) || "jsonb".equals(pgType);
		if (json && !javaType.equals("String") && !javaType.equals("java.lang.String")) {
			// a Jackson tree (tools.jackson.databind.JsonNode) or a class of the application's, through Jackson
			return ValueType.json(ClassName.bestGuess(javaType), pgType, nullable);
		}
		return switch (javaType) {
			case "String", "java.lang.String" -> (pgType != null) ? ValueType.typedText(pgType, nullable)
					: ValueType.of(Kind.STRING, ClassName.get(String.class), nullable);
			case "BigDecimal", "java.math.BigDecimal" ->
				ValueType.of(Kind.DECIMAL, ClassName.get("java.math", "BigDecimal"), nullable);
			case "long", "Long", "java.lang.Long" -> ValueType.of(Kind.LONG, TypeName.LONG, nullable);
			case "int", "Integer", "java.lang.Integer" -> ValueType.of(Kind.INT, TypeName.INT, nullable);
			case "double", "Double", "java.lang.Double" -> ValueType.of(Kind.DOUBLE, TypeName.DOUBLE, nullable);
			case "boolean", "Boolean", "java.lang.Boolean" -> ValueType.of(Kind.BOOLEAN, TypeName.BOOLEAN, nullable);
			default -> ValueType.of(Kind.OBJECT, ClassName.bestGuess(javaType), nullable, pgType);
		};
	}

	/**
	 * The name the driver looks a type up by when it binds a value of it: unqualified for the built-in types and
	 * those of {@code public}, qualified otherwise.
	 */
	private static String bindName(Catalog.Type type) {
		return switch (type.schema()) {
			case "pg_catalog", "public" -> type.name();
			default -> type.schema() + "." + type.name();
		};
	}

	/** A name for a type in messages, such as {@code tsvector}. */
	String describe(long oid) {
		Catalog.Type type = this.catalog.type(oid);
		return (type == null) ? "oid " + oid : (type.isArray() ? type.name().substring(1) + "[]" : type.name());
	}

	private static @Nullable ClassName arrayElement(String element) {
		return switch (element) {
			case "uuid" -> ClassName.get("java.util", "UUID");
			case "text", "varchar", "bpchar", "name", "citext" -> ClassName.get(String.class);
			case "int2" -> ClassName.get(Short.class);
			case "int4" -> ClassName.get(Integer.class);
			case "int8" -> ClassName.get(Long.class);
			case "bool" -> ClassName.get(Boolean.class);
			case "float4" -> ClassName.get(Float.class);
			case "float8" -> ClassName.get(Double.class);
			case "numeric" -> ClassName.get("java.math", "BigDecimal");
			default -> null;
		};
	}

	private EnumModel enumModel(Catalog.Type type) {
		return this.enums.computeIfAbsent(type.oid(), (oid) -> new EnumModel(
				ClassName.get(this.config.packageName(), Naming.upperCamel(type.name())), type.name(),
				this.catalog.enumLabels(oid)));
	}

}
