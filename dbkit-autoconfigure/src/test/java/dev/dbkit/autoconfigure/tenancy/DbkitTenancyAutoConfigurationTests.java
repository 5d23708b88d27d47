package dev.dbkit.autoconfigure.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;

import dev.dbkit.tenant.TenantContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DbkitTenancyAutoConfigurationTests {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DbkitTenancyAutoConfiguration.class, WebMvcAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class));

	@Test
	void servletAppsGetTheHeaderResolverFilterAndProblemHandler() {
		this.web.run((context) -> {
			assertThat(context).hasSingleBean(TenantResolver.class).hasSingleBean(TenancyExceptionHandler.class);
			assertThat(context.getBean(TenantResolver.class)).isInstanceOf(HeaderTenantResolver.class);
			assertThat(((HeaderTenantResolver) context.getBean(TenantResolver.class)).header()).isEqualTo("X-Tenant-ID");
			assertThat(context).hasBean("dbkitTenantFilter");
			assertThat(context.getBean("dbkitTenantFilter", FilterRegistrationBean.class).getOrder())
				.isEqualTo(Ordered.HIGHEST_PRECEDENCE + 10);
		});
		this.web.withPropertyValues("dbkit.tenancy.filter-order=0")
			.run((context) -> assertThat(context.getBean("dbkitTenantFilter", FilterRegistrationBean.class).getOrder())
				.isZero());
	}

	@Test
	void headerNameIsConfigurable() {
		this.web.withPropertyValues("dbkit.tenancy.header=X-Org").run((context) -> {
			MockHttpServletResponse response = filter(context, request("X-Org", UUID.randomUUID().toString()), null);
			assertThat(response.getStatus()).isEqualTo(200);
			response = filter(context, request("X-Org", "nope"), null);
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("X-Org must be a tenant id");
		});
	}

	@Test
	void backsOffWhenUserDefinesTenantResolver() {
		UUID fixed = UUID.randomUUID();
		TenantResolver own = (request) -> Optional.of(fixed);
		this.web.withBean(TenantResolver.class, () -> own).run((context) -> {
			assertThat(context.getBean(TenantResolver.class)).isSameAs(own);
			AtomicReference<UUID> seen = new AtomicReference<>();
			filter(context, new MockHttpServletRequest(), () -> seen.set(TenantContext.require()));
			assertThat(seen.get()).isEqualTo(fixed);
		});
	}

	@Test
	void filterSetsTheTenantForTheRequestAndClearsItAfterwardsAlsoOnFailure() {
		this.web.run((context) -> {
			UUID tenant = UUID.randomUUID();
			AtomicReference<UUID> seen = new AtomicReference<>();
			filter(context, request("X-Tenant-ID", tenant.toString()), () -> seen.set(TenantContext.require()));
			assertThat(seen.get()).isEqualTo(tenant);
			assertThat(TenantContext.current()).isEmpty();

			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> filter(context,
					request("X-Tenant-ID", tenant.toString()), () -> {
						throw new IllegalStateException("boom");
					}));
			assertThat(TenantContext.current()).isEmpty();

			// a tenant left on the thread by something else never reaches the next request
			TenantContext.open(UUID.randomUUID()); // left open on purpose
			AtomicReference<Optional<UUID>> none = new AtomicReference<>();
			filter(context, new MockHttpServletRequest(), () -> none.set(TenantContext.current()));
			assertThat(none.get()).isEmpty();
		});
	}

	@Test
	void malformedTenantIsAProblemDetailAndTheRequestDoesNotRun() {
		this.web.run((context) -> {
			AtomicReference<Boolean> ran = new AtomicReference<>(false);
			MockHttpServletResponse response = filter(context, request("X-Tenant-ID", "'; DROP TABLE t; --"),
					() -> ran.set(true));
			assertThat(ran.get()).isFalse();
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentType()).isEqualTo("application/problem+json");
			assertThat(response.getContentAsString()).contains("\"type\":\"urn:dbkit:problem:invalid-tenant\"")
				.contains("X-Tenant-ID must be a tenant id");
		});
	}

	@Test
	void unknownTenantIsA404WhenAValidatorSaysSo() {
		UUID known = UUID.randomUUID();
		this.web.withBean(TenantValidator.class, () -> known::equals).run((context) -> {
			assertThat(filter(context, request("X-Tenant-ID", known.toString()), null).getStatus()).isEqualTo(200);
			MockHttpServletResponse response = filter(context, request("X-Tenant-ID", UUID.randomUUID().toString()),
					null);
			assertThat(response.getStatus()).isEqualTo(404);
			assertThat(response.getContentAsString()).contains("Unknown tenant");
		});
	}

	@Test
	void missingTenantStatusIsConfigurable() {
		this.web.withPropertyValues("dbkit.tenancy.missing-tenant-status=401").run((context) -> {
			TenancyExceptionHandler handler = context.getBean(TenancyExceptionHandler.class);
			assertThat(handler.missing(new dev.dbkit.tenant.TenantMissingException("x")).getStatusCode().value())
				.isEqualTo(401);
			assertThat(handler.missing(new dev.dbkit.tenant.TenantMissingException("x")).getBody().getDetail())
				.isEqualTo("This request works on tenant data and names no tenant: send the tenant's id in the "
						+ "X-Tenant-ID header.");
		});
	}

	@Test
	void propertyDefaults() {
		dev.dbkit.autoconfigure.DbkitProperties.Tenancy tenancy = new dev.dbkit.autoconfigure.DbkitProperties()
			.getTenancy();
		assertThat(tenancy.isEnabled()).isTrue();
		assertThat(tenancy.getHeader()).isEqualTo("X-Tenant-ID");
		assertThat(tenancy.getMissingTenantStatus()).isEqualTo(400);
		assertThat(tenancy.getFilterOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 10);
	}

	@Test
	void backsOffWhenDisabled() {
		this.web.withPropertyValues("dbkit.tenancy.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TenantResolver.class)
				.doesNotHaveBean("dbkitTenantFilter"));
	}

	@Test
	void noWebTenancyOutsideServletApps() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DbkitTenancyAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TenantResolver.class)
				.doesNotHaveBean("dbkitTenantFilter"));
		this.web.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TenantResolver.class));
	}

	private static MockHttpServletRequest request(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
		request.addHeader(header, value);
		return request;
	}

	@SuppressWarnings("unchecked")
	private static MockHttpServletResponse filter(ApplicationContext context, MockHttpServletRequest request,
			Runnable work) throws Exception {
		TenantFilter filter = ((FilterRegistrationBean<TenantFilter>) context.getBean("dbkitTenantFilter")).getFilter();
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) throws ServletException {
				if (work != null) {
					work.run();
				}
			}
		});
		filter.doFilter(request, response, chain);
		return response;
	}

}
