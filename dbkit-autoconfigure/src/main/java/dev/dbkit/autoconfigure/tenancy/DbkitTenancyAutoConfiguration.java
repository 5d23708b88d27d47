package dev.dbkit.autoconfigure.tenancy;

import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.dbkit.autoconfigure.DbkitProperties;

/**
 * Tenancy for applications: in servlet web applications a filter sets {@code TenantContext} for each request from
 * the {@link TenantResolver} (a claim of the authenticated JWT with Spring Security's resource server, else the
 * {@code X-Tenant-ID} header) and tenancy errors become problem details;
 * everywhere, {@code @Async} methods and the auto-configured executors carry the tenant to their threads through
 * Micrometer context propagation.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
@EnableConfigurationProperties(DbkitProperties.class)
public final class DbkitTenancyAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DbkitTenancyAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBooleanProperty(name = "dbkit.tenancy.enabled", matchIfMissing = true)
	static class WebTenancyConfiguration {

		/**
		 * With Spring Security's resource server, the tenant is a claim of the verified JWT: a client cannot choose
		 * it. (A member class: its beans are registered before the header default below.)
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.security.oauth2.jwt.Jwt",
				"org.springframework.security.core.context.SecurityContextHolder" })
		@ConditionalOnProperty(name = "dbkit.tenancy.source", havingValue = "jwt", matchIfMissing = true)
		static class JwtTenantConfiguration {

			@Bean
			@ConditionalOnMissingBean
			TenantResolver tenantResolver(DbkitProperties properties) {
				return new JwtTenantResolver(properties.getTenancy().getJwtClaim(), properties.getTenancy().getIdType());
			}

		}

		/**
		 * Without it, a request header, which any client can set: right only behind a gateway that authenticates
		 * the caller and sets the header itself.
		 */
		@Bean
		@ConditionalOnMissingBean
		TenantResolver tenantResolver(DbkitProperties properties) {
			if ("jwt".equals(properties.getTenancy().getSource())) {
				throw new IllegalStateException("dbkit.tenancy.source=jwt needs Spring Security's OAuth2 resource "
						+ "server (spring-boot-starter-security-oauth2-resource-server) on the classpath");
			}
			logger.warn("dbkit takes each request's tenant from the {} header, which any client can set: right only "
					+ "behind a gateway that authenticates callers and sets it. With Spring Security's OAuth2 resource "
					+ "server on the classpath, the tenant comes from the token's {} claim instead.",
					properties.getTenancy().getHeader(), properties.getTenancy().getJwtClaim());
			return new HeaderTenantResolver(properties.getTenancy().getHeader(), properties.getTenancy().getIdType());
		}

		@Bean
		@ConditionalOnMissingBean(name = "dbkitTenantFilter")
		FilterRegistrationBean<TenantFilter> dbkitTenantFilter(DbkitProperties properties, TenantResolver resolver,
				ObjectProvider<TenantValidator> validator, ObjectProvider<TenantAccess> access,
				@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
			FilterRegistrationBean<TenantFilter> registration = new FilterRegistrationBean<>(
					new TenantFilter(resolver, validator.getIfAvailable(), access.getIfAvailable(), exceptions));
			// After Spring Security's chain, so that the tenant can come from the authenticated principal; the whole
			// request after it runs with the tenant.
			registration.setOrder(properties.getTenancy().getFilterOrder());
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean
		TenancyExceptionHandler tenancyExceptionHandler(DbkitProperties properties, TenantResolver resolver) {
			String source = (resolver instanceof HeaderTenantResolver header) ? "the " + header.header() + " header"
					: (resolver instanceof JwtTenantResolver jwt) ? "a " + jwt.claim() + " claim of the token"
							: "the request";
			return new TenancyExceptionHandler(source, properties.getTenancy().getMissingTenantStatus());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ContextSnapshotFactory.class)
	static class ContextPropagationConfiguration {

		/**
		 * Boot's executors (and so {@code @Async}) use the one TaskDecorator bean: the tenant goes along. A task
		 * submitted without a tenant runs without one ({@code clearMissing}), whatever an earlier task on the pooled
		 * thread left behind, and the thread keeps nothing afterwards.
		 */
		@Bean
		@ConditionalOnMissingBean
		TaskDecorator contextPropagatingTaskDecorator() {
			return new ContextPropagatingTaskDecorator(ContextSnapshotFactory.builder().clearMissing(true).build());
		}

		/** The scheduler behind {@code @Scheduled}: each tick runs with no tenant but its own. */
		@Bean
		@ConditionalOnClass(ThreadPoolTaskSchedulerCustomizer.class)
		ThreadPoolTaskSchedulerCustomizer dbkitTenantSchedulerCustomizer(ObjectProvider<TaskDecorator> decorator) {
			return (scheduler) -> decorator.ifUnique(scheduler::setTaskDecorator);
		}

		/** The same for the virtual-thread scheduler ({@code spring.threads.virtual.enabled}). */
		@Bean
		@ConditionalOnClass(SimpleAsyncTaskSchedulerCustomizer.class)
		SimpleAsyncTaskSchedulerCustomizer dbkitTenantSimpleSchedulerCustomizer(ObjectProvider<TaskDecorator> decorator) {
			return (scheduler) -> decorator.ifUnique(scheduler::setTaskDecorator);
		}

	}

}
