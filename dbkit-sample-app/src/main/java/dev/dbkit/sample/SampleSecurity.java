package dev.dbkit.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call carries a bearer JWT; the tenant is its {@code tenant_id} claim (dbkit's {@code JwtTenantResolver}),
 * so a client cannot choose a tenant. Registering tenants is a platform operation: it needs the {@code platform}
 * scope. The keys come from {@code spring.security.oauth2.resourceserver.jwt.*} (your identity provider), or, for
 * local use only, from {@link DevTokens}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SampleSecurity {

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/flyway")
			.permitAll()
			.requestMatchers(HttpMethod.POST, DevTokens.PATH)
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/tenants")
			.hasAuthority("SCOPE_platform")
			// what the application can run and where its schema stands: for operators
			.requestMatchers("/actuator/dbkit")
			.hasAuthority("SCOPE_platform")
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			// bearer tokens, no cookies: nothing for a cross-site request to ride on
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
