package dev.dbkit.codegen;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbkit.query.QueryExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A golden case generated, compiled with every lint warning as an error, and loaded: for tests that run the
 * generated code.
 */
final class CompiledCase {

	final Path caseDir;

	final ClassLoader loader;

	private CompiledCase(Path caseDir, ClassLoader loader) {
		this.caseDir = caseDir;
		this.loader = loader;
	}

	static CompiledCase compile(String name, Path work) throws Exception {
		return compile(name, work, Map.of());
	}

	/** @param overrides settings that replace the case's own ({@code rowLevelSecurity=true}) */
	static CompiledCase compile(String name, Path work, Map<String, String> overrides) throws Exception {
		Path caseDir = GoldenCasesTests.CASES.resolve(name);
		String variant = name + (overrides.isEmpty() ? "" : "-" + Integer.toHexString(overrides.hashCode()));
		Path generated = work.resolve(variant + "-generated");
		GoldenCasesTests.generate(caseDir, generated, overrides).run();
		List<String> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(generated.resolve("sources"))) {
			files.filter((f) -> f.toString().endsWith(".java")).forEach((f) -> sources.add(f.toString()));
		}
		Path classes = Files.createDirectories(work.resolve(variant + "-classes"));
		List<String> arguments = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
				"-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
		arguments.addAll(sources);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int status = compiler.run(null, errors, errors, arguments.toArray(new String[0]));
		assertThat(status).as("javac -Xlint:all -Werror on the code generated for %s:%n%s", name, errors).isZero();
		return new CompiledCase(caseDir,
				new URLClassLoader(new URL[] { classes.toUri().toURL() }, CompiledCase.class.getClassLoader()));
	}

	Class<?> type(String simpleName) throws ClassNotFoundException {
		return this.loader.loadClass("com.example.db." + simpleName);
	}

	Object repository(String simpleName, DataSource dataSource) throws Exception {
		return type(simpleName).getConstructor(QueryExecutor.class)
			.newInstance(new QueryExecutor(new JdbcTemplate(dataSource)));
	}

	/** A record built with its canonical constructor. */
	Object record(String simpleName, Object... components) {
		try {
			Class<?> type = type(simpleName);
			Class<?>[] types = Stream.of(type.getRecordComponents()).map((c) -> c.getType()).toArray(Class<?>[]::new);
			Constructor<?> constructor = type.getDeclaredConstructor(types);
			return constructor.newInstance(components);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	Object constant(String enumName, String constant) {
		try {
			return Enum.valueOf((Class) type(enumName), constant);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Object call(Object target, String name, Object... arguments) {
		for (Method method : target.getClass().getMethods()) {
			if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
				try {
					return method.invoke(target, arguments);
				}
				catch (InvocationTargetException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IllegalStateException(ex.getCause());
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalArgumentException("no method " + name + " with " + arguments.length + " parameters");
	}

	static Object component(Object record, String name) {
		try {
			return record.getClass().getMethod(name).invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
