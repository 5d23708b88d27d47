package dev.dbkit.autoconfigure.tenancy;

import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
 * the {@link TenantResolver} (the {@code X-Tenant-ID} header by default) and tenancy errors become problem details;
 * everywhere, {@code @Async} methods and the auto-configured executors carry the tenant to their threads through
 * Micrometer context propagation.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
@EnableConfigurationProperties(DbkitProperties.class)
public final class DbkitTenancyAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBooleanProperty(name = "dbkit.tenancy.enabled", matchIfMissing = true)
	static class WebTenancyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantResolver tenantResolver(DbkitProperties properties) {
			return new HeaderTenantResolver(properties.getTenancy().getHeader());
		}

		@Bean
		@ConditionalOnMissingBean(name = "dbkitTenantFilter")
		FilterRegistrationBean<TenantFilter> dbkitTenantFilter(DbkitProperties properties, TenantResolver resolver,
				ObjectProvider<TenantValidator> validator,
				@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
			FilterRegistrationBean<TenantFilter> registration = new FilterRegistrationBean<>(
					new TenantFilter(resolver, validator.getIfAvailable(), exceptions));
			// Early by default, so that every later filter and the whole request run with the tenant.
			registration.setOrder(properties.getTenancy().getFilterOrder());
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean
		TenancyExceptionHandler tenancyExceptionHandler(DbkitProperties properties) {
			return new TenancyExceptionHandler(properties.getTenancy().getHeader(),
					properties.getTenancy().getMissingTenantStatus());
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
