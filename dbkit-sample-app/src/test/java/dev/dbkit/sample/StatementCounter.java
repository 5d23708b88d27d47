package dev.dbkit.sample;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the statements the application sends, at the JDBC driver's door: every {@code prepareStatement},
 * {@code prepareCall} and {@code createStatement} on a connection of the application's {@code DataSource}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	/** Statements prepared or created since the JVM started. */
	public static final AtomicInteger statements = new AtomicInteger();

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof DataSource dataSource) ? counting(dataSource) : bean;
			}
		};
	}

	static DataSource counting(DataSource dataSource) {
		return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(dataSource, method, args);
					if (!method.getName().equals("getConnection")) {
						return result;
					}
					Connection connection = (Connection) result;
					return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
							new Class<?>[] { Connection.class }, (p, m, a) -> {
								if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
									statements.incrementAndGet();
								}
								return invoke(connection, m, a);
							});
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
