package dev.dbkit.sample;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A token issuer for trying the API on a laptop (and for the tests): a key pair made at start-up, a
 * {@link JwtDecoder} that trusts only it, and {@code POST /dev/tokens?tenant=<id>} (or {@code ?scope=platform}),
 * answered to loopback callers only. Anyone who can call it can act as any tenant: it is for local use. Set
 * {@code sample.dev-tokens.enabled=false} (environment {@code SAMPLE_DEV_TOKENS=false}) and configure
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (your identity provider) everywhere else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.dev-tokens.enabled")
@RestController
class DevTokens {

	static final String PATH = "/dev/tokens";

	private static final Logger logger = LoggerFactory.getLogger(DevTokens.class);

	private final RSAKey key;

	DevTokens() {
		this.key = newKey();
		logger.warn("Local token issuer on: POST {} (loopback only) mints a token for any tenant. For local use only: "
				+ "set sample.dev-tokens.enabled=false and spring.security.oauth2.resourceserver.jwt.issuer-uri "
				+ "anywhere else.", PATH);
	}

	/** A fresh RSA key; a test can make another one to sign a token this application must refuse. */
	static RSAKey newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	JwtDecoder jwtDecoder() throws Exception {
		return NimbusJwtDecoder.withPublicKey(this.key.toRSAPublicKey()).build();
	}

	@PostMapping(PATH)
	String issue(@RequestParam(required = false) @Nullable String tenant,
			@RequestParam(required = false) @Nullable String scope, HttpServletRequest request) throws Exception {
		if (!java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the local token issuer answers local callers only");
		}
		return token(this.key, tenant, scope, Duration.ofHours(1));
	}

	/** A token signed with {@code key}: a tenant's ({@code tenant_id} claim) and/or with a scope. */
	static String token(RSAKey key, @Nullable String tenant, @Nullable String scope, Duration lifetime) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("dbkit-sample-dev")
			.subject((tenant != null) ? "user-of-" + tenant : "platform")
			.issuedAt(lifetime.isNegative() ? now.plus(lifetime).minus(lifetime.abs()) : now)
			.expiresAt(now.plus(lifetime));
		if (tenant != null) {
			claims.claim("tenant_id", tenant);
		}
		if (scope != null) {
			claims.claim("scope", scope);
		}
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
	}

	/** A token of this issuer, for tests. */
	String token(@Nullable String tenant, @Nullable String scope) {
		return token(tenant, scope, Duration.ofHours(1));
	}

	/** A token of this issuer that expires after {@code lifetime} (already expired when it is negative). */
	String token(@Nullable String tenant, @Nullable String scope, Duration lifetime) {
		return token(this.key, tenant, scope, lifetime);
	}

}
