package dev.dbkit.autoconfigure.tenancy;

import java.util.List;
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

	/** A servlet application with Spring Security's resource server on the classpath. */
	private final WebApplicationContextRunner secured = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DbkitTenancyAutoConfiguration.class, WebMvcAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class));

	/** One without it: the header resolver. */
	private final WebApplicationContextRunner web = this.secured
		.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.jwt"));

	@Test
	void servletAppsGetTheHeaderResolverFilterAndProblemHandler() {
		this.web.run((context) -> {
			assertThat(context).hasSingleBean(TenantResolver.class).hasSingleBean(TenancyExceptionHandler.class);
			assertThat(context.getBean(TenantResolver.class)).isInstanceOf(HeaderTenantResolver.class);
			assertThat(((HeaderTenantResolver) context.getBean(TenantResolver.class)).header()).isEqualTo("X-Tenant-ID");
			assertThat(context).hasBean("dbkitTenantFilter");
			assertThat(context.getBean("dbkitTenantFilter", FilterRegistrationBean.class).getOrder()).isEqualTo(-90);
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
	void tenantIdsOfAnotherTypeAreParsedAsTheIdTypeSays() {
		this.web.withPropertyValues("dbkit.tenancy.id-type=long").run((context) -> {
			AtomicReference<Long> seen = new AtomicReference<>();
			MockHttpServletResponse response = filter(context, request("X-Tenant-ID", "42"),
					() -> seen.set(TenantContext.requireLong()));
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(seen.get()).isEqualTo(42L);
			for (String wrong : List.of("042", "-1", "4 2", "99999999999999999999", UUID.randomUUID().toString())) {
				response = filter(context, request("X-Tenant-ID", wrong), null);
				assertThat(response.getStatus()).as(wrong).isEqualTo(400);
				assertThat(response.getContentAsString()).contains("a whole number such as 42");
			}
		});
		this.web.withPropertyValues("dbkit.tenancy.id-type=string").run((context) -> {
			AtomicReference<String> seen = new AtomicReference<>();
			filter(context, request("X-Tenant-ID", "acme-eu"), () -> seen.set(TenantContext.requireString()));
			assertThat(seen.get()).isEqualTo("acme-eu");
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
	void withSpringSecurityTheTenantIsAClaimOfTheAuthenticatedToken() {
		this.secured.run((context) -> {
			assertThat(context.getBean(TenantResolver.class)).isInstanceOf(JwtTenantResolver.class);
			UUID tenant = UUID.randomUUID();
			AtomicReference<UUID> seen = new AtomicReference<>();
			// the header names another tenant: it is not read
			asCaller(jwt("tenant_id", tenant.toString()), () -> filter(context,
					request("X-Tenant-ID", UUID.randomUUID().toString()), () -> seen.set(TenantContext.require())));
			assertThat(seen.get()).isEqualTo(tenant);
			MockHttpServletResponse malformed = asCaller(jwt("tenant_id", "acme"),
					() -> filter(context, request("X-Other", "x"), null));
			assertThat(malformed.getStatus()).isEqualTo(400);
			assertThat(malformed.getContentAsString()).contains("The token's tenant_id claim must be a tenant id");
			AtomicReference<Boolean> ran = new AtomicReference<>(false);
			asCaller(jwt("sub", "platform"), () -> filter(context, request("X-Tenant-ID", tenant.toString()), () -> {
				ran.set(true);
				assertThat(TenantContext.current()).as("a token without the claim names no tenant").isEmpty();
			}));
			assertThat(ran.get()).isTrue();
			assertThat(context.getBean(TenancyExceptionHandler.class)
				.missing(new dev.dbkit.tenant.TenantMissingException("x"))
				.getBody()
				.getDetail()).endsWith("send the tenant's id in a tenant_id claim of the token.");
		});
		this.secured.withPropertyValues("dbkit.tenancy.jwt-claim=org", "dbkit.tenancy.source=jwt")
			.run((context) -> assertThat(((JwtTenantResolver) context.getBean(TenantResolver.class)).claim())
				.isEqualTo("org"));
		this.secured.withPropertyValues("dbkit.tenancy.source=header")
			.run((context) -> assertThat(context.getBean(TenantResolver.class)).isInstanceOf(HeaderTenantResolver.class));
		this.web.withPropertyValues("dbkit.tenancy.source=jwt")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("needs Spring Security's OAuth2 resource server"));
	}

	@Test
	void aTenantTheCallerMayNotUseIsAnsweredLikeOneThatDoesNotExist() {
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		UUID nobodys = UUID.randomUUID();
		this.web.withBean(TenantValidator.class, () -> (tenant) -> !tenant.equals(nobodys))
			.withBean(TenantAccess.class, () -> (principal, tenant) -> principal != null
					&& principal.getName().equals("alice") && tenant.equals(mine))
			.run((context) -> {
				MockHttpServletRequest allowed = request("X-Tenant-ID", mine.toString());
				allowed.setUserPrincipal(() -> "alice");
				assertThat(filter(context, allowed, null).getStatus()).isEqualTo(200);
				MockHttpServletRequest forbidden = request("X-Tenant-ID", theirs.toString());
				forbidden.setUserPrincipal(() -> "alice");
				MockHttpServletResponse forbiddenAnswer = filter(context, forbidden, null);
				MockHttpServletRequest unknown = request("X-Tenant-ID", nobodys.toString());
				unknown.setUserPrincipal(() -> "alice");
				MockHttpServletResponse unknownAnswer = filter(context, unknown, null);
				assertThat(forbiddenAnswer.getStatus()).isEqualTo(unknownAnswer.getStatus()).isEqualTo(404);
				assertThat(forbiddenAnswer.getContentAsString().replace(theirs.toString(), "?"))
					.isEqualTo(unknownAnswer.getContentAsString().replace(nobodys.toString(), "?"));
				MockHttpServletResponse anonymous = filter(context, request("X-Tenant-ID", mine.toString()), null);
				assertThat(anonymous.getStatus()).isEqualTo(404);
			});
	}

	private static org.springframework.security.oauth2.jwt.Jwt jwt(String claim, String value) {
		return org.springframework.security.oauth2.jwt.Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("alice")
			.claim(claim, value)
			.build();
	}

	private static <T> T asCaller(org.springframework.security.oauth2.jwt.Jwt jwt, ThrowingSupplier<T> work)
			throws Exception {
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken(jwt, java.util.List.of()));
		try {
			return work.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@FunctionalInterface
	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

	@Test
	void aPlatformCallFromATenantsRequestIsA403NotA500() {
		this.web.run((context) -> {
			var answer = context.getBean(TenancyExceptionHandler.class)
				.crossTenant(new dev.dbkit.tenant.CrossTenantCallException("CreateTenant (db/queries/tenants.sql:5) ..."));
			assertThat(answer.getStatusCode().value()).isEqualTo(403);
			assertThat(answer.getBody().getDetail()).isEqualTo("This operation spans every tenant and cannot run for a "
					+ "tenant's request.");
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
		assertThat(tenancy.getFilterOrder()).as("after Spring Security's filter chain (-100)").isEqualTo(-90);
		assertThat(tenancy.getJwtClaim()).isEqualTo("tenant_id");
		assertThat(tenancy.getSource()).isNull();
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
