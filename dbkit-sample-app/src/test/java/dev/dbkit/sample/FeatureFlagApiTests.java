package dev.dbkit.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.dbkit.sample.db.FeatureFlag;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.TenantMissingException;
import dev.dbkit.test.DbkitTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's HTTP API with two tenants, on a server with one request thread, so that every request reuses the
 * thread of the one before.
 */
@DbkitTestDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1" })
@Import(StatementCounter.class)
class FeatureFlagApiTests {

	private static final AtomicInteger statements = StatementCounter.statements;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	FeatureFlagService service;

	@Autowired
	FlagAudit audit;

	@Autowired
	DevTokens tokens;

	@Test
	void tenantsAreCreatedWithoutATenant() throws Exception {
		Response created = platform("POST", "/api/tenants", "{\"name\": \"acme\"}");
		assertThat(created.status).isEqualTo(201);
		assertThat(created.body.get("name").asString()).isEqualTo("acme");
		assertThat(UUID.fromString(created.body.get("id").asString())).isNotNull();
		assertThat(created.body.get("createdAt").asString()).isNotBlank();
		assertThat(created.location).isEqualTo("/api/tenants/" + created.body.get("id").asString());
		assertThat(platform("POST", "/api/tenants", "{\"name\": \"  \"}").status).isEqualTo(400);
		// registering tenants is a platform operation: a tenant's token may not, even with the platform scope (the
		// platform repository is fenced while a tenant is current): 403, not a 500
		assertThat(send("POST", "/api/tenants", created.body.get("id").asString(), "{\"name\": \"b\"}").status)
			.isEqualTo(403);
		Response both = request("POST", "/api/tenants", this.tokens.token(created.body.get("id").asString(), "platform"),
				null, "{\"name\": \"b\"}");
		assertThat(both.status).isEqualTo(403);
		assertThat(both.body.get("type").asString()).isEqualTo("urn:dbkit:problem:cross-tenant-call");
	}

	@Test
	void everyEndpointKeepsTenantsApart() throws Exception {
		String acme = tenant("acme");
		String globex = tenant("globex");
		Response acmeFlag = send("PUT", "/api/feature-flags/dark_mode", acme,
				"{\"enabled\": true, \"metadata\": {\"rollout\": 50}}");
		assertThat(acmeFlag.status).isEqualTo(200);
		assertThat(acmeFlag.body.get("featureKey").asString()).isEqualTo("dark_mode");
		assertThat(acmeFlag.body.get("enabled").asBoolean()).isTrue();
		assertThat(acmeFlag.body.get("metadata").get("rollout").asInt()).isEqualTo(50);
		assertThat(acmeFlag.body.has("updatedAt")).isTrue();
		send("PUT", "/api/feature-flags/acme_only", acme, "{\"enabled\": false}");
		send("PUT", "/api/feature-flags/dark_mode", globex, "{\"enabled\": false, \"metadata\": {\"team\": \"g\"}}");

		Response acmeList = send("GET", "/api/feature-flags", acme, null);
		assertThat(acmeList.body).extracting((f) -> f.get("featureKey").asString())
			.containsExactly("acme_only", "dark_mode");
		Response globexList = send("GET", "/api/feature-flags", globex, null);
		assertThat(globexList.body).hasSize(1);
		assertThat(globexList.body.get(0).get("enabled").asBoolean()).isFalse();
		assertThat(globexList.body.get(0).get("metadata").get("team").asString()).isEqualTo("g");

		assertThat(send("GET", "/api/feature-flags/dark_mode", acme, null).body.get("enabled").asBoolean()).isTrue();
		Response foreignKey = send("GET", "/api/feature-flags/acme_only", globex, null);
		assertThat(foreignKey.status).isEqualTo(404);
		assertThat(foreignKey.contentType).isEqualTo("application/problem+json");

		String acmeId = acmeFlag.body.get("id").asString();
		assertThat(send("DELETE", "/api/feature-flags/" + acmeId, globex, null).status).isEqualTo(204);
		assertThat(send("GET", "/api/feature-flags/dark_mode", acme, null).status).isEqualTo(200);
		assertThat(send("DELETE", "/api/feature-flags/" + acmeId, acme, null).status).isEqualTo(204);
		assertThat(send("GET", "/api/feature-flags/dark_mode", acme, null).status).isEqualTo(404);
		assertThat(send("GET", "/api/feature-flags/dark_mode", globex, null).status).isEqualTo(200);
	}

	@Test
	void malformedTenantIs400AndSendsNoSql() throws Exception {
		for (String header : new String[] { "not-a-uuid", "'; DROP TABLE tenants; --", "1-1-1-1-1",
				UUID.randomUUID() + "x" }) {
			int before = statements.get();
			Response response = send("GET", "/api/feature-flags", header, null);
			assertThat(response.status).as(header).isEqualTo(400);
			assertThat(response.contentType).isEqualTo("application/problem+json");
			assertThat(response.body.get("type").asString()).isEqualTo("urn:dbkit:problem:invalid-tenant");
			assertThat(response.body.get("detail").asString()).startsWith("The token's tenant_id claim must be a tenant id");
			assertThat(statements.get()).as("statements sent for %s", header).isEqualTo(before);
		}
	}

	@Test
	void missingTenantIs400SayingWhereToNameIt() throws Exception {
		Response response = send("GET", "/api/feature-flags", null, null);
		assertThat(response.status).isEqualTo(400);
		assertThat(response.body.get("title").asString()).isEqualTo("Missing tenant");
		assertThat(response.body.get("detail").asString()).isEqualTo("This request works on tenant data and names "
				+ "no tenant: send the tenant's id in a tenant_id claim of the token.");
	}

	@Test
	void unknownTenantIs404NotA500() throws Exception {
		String nobody = UUID.randomUUID().toString();
		for (String method : new String[] { "GET", "PUT" }) {
			Response response = send(method, "/api/feature-flags/dark_mode", nobody,
					method.equals("PUT") ? "{\"enabled\": true}" : null);
			assertThat(response.status).isEqualTo(404);
			assertThat(response.body.get("title").asString()).isEqualTo("Unknown tenant");
			assertThat(response.body.get("detail").asString()).isEqualTo("Tenant " + nobody
					+ " does not exist or is not available to the caller.");
		}
	}

	@Test
	void theTenantComesOnlyFromAVerifiedToken() throws Exception {
		String acme = tenant("verified-acme");
		String globex = tenant("verified-globex");
		send("PUT", "/api/feature-flags/acme_secret", acme, "{\"enabled\": true}");
		// no token, or a header that names a tenant: not authenticated
		assertThat(raw("GET", "/api/feature-flags", null, null).status).isEqualTo(401);
		assertThat(raw("GET", "/api/feature-flags", null, acme).status).isEqualTo(401);
		// a valid token of globex with acme in the header: the header is not read
		Response crossed = raw("GET", "/api/feature-flags", this.tokens.token(globex, null), acme);
		assertThat(crossed.status).isEqualTo(200);
		assertThat(crossed.body).isEmpty();
		// a token for acme signed with another key, and an expired one of the right key: refused
		String forged = DevTokens.token(DevTokens.newKey(), acme, "platform", Duration.ofHours(1));
		assertThat(raw("GET", "/api/feature-flags", forged, null).status).isEqualTo(401);
		String expired = this.tokens.token(acme, null, Duration.ofMinutes(-10));
		assertThat(raw("GET", "/api/feature-flags", expired, null).status).isEqualTo(401);
		String unsigned = this.tokens.token(acme, null).substring(0, this.tokens.token(acme, null).lastIndexOf('.') + 1);
		assertThat(raw("GET", "/api/feature-flags", unsigned, null).status).isEqualTo(401);
		// the local issuer works over HTTP too
		String minted = raw("POST", "/dev/tokens?tenant=" + acme, null, null).text;
		Response own = raw("GET", "/api/feature-flags", minted, null);
		assertThat(own.body).extracting((f) -> f.get("featureKey").asString()).containsExactly("acme_secret");
	}

	@Test
	void invalidRequestsAreProblemDetails() throws Exception {
		String acme = tenant("validation");
		assertProblem(send("PUT", "/api/feature-flags/x", acme, "{\"metadata\": {}}"), "The body needs");
		assertProblem(send("PUT", "/api/feature-flags/x", acme, "{\"enabled\": true, \"metadata\": [1]}"),
				"\"metadata\" must be a JSON object");
		assertProblem(send("PUT", "/api/feature-flags/x", acme, "{\"enabled\": "), null);
		assertProblem(send("PUT", "/api/feature-flags/bad%20key!", acme, "{\"enabled\": true}"),
				"A feature key is 1 to 100");
		assertProblem(send("DELETE", "/api/feature-flags/not-an-id", acme, null), null);
	}

	@Test
	void theTenantFollowsAsyncWorkAndStaysThere() throws Exception {
		UUID acme = UUID.fromString(tenant("async"));
		FeatureFlag flag = TenantContext.callAs(acme, () -> this.service.setFlag("async_flag", true, null));
		UUID seen = TenantContext.callAs(acme, () -> join(this.audit.flagChanged(flag)));
		assertThat(seen).isEqualTo(acme);
		// the executor's thread must not keep the tenant it was lent
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.audit.flagChanged(flag).get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(TenantMissingException.class);
	}

	@Test
	void theOneServerThreadNeverCarriesATenantIntoTheNextRequest() throws Exception {
		String acme = tenant("first");
		String globex = tenant("second");
		send("PUT", "/api/feature-flags/mine", acme, "{\"enabled\": true}");
		for (int round = 0; round < 3; round++) {
			assertThat(send("GET", "/api/feature-flags", acme, null).body).hasSize(1);
			assertThat(send("GET", "/api/feature-flags", null, null).status).isEqualTo(400);
			assertThat(send("GET", "/api/feature-flags", globex, null).body).isEmpty();
			assertThat(send("GET", "/api/feature-flags", "bad", null).status).isEqualTo(400);
			assertThat(send("GET", "/api/feature-flags", null, null).status).isEqualTo(400);
		}
	}

	private static UUID join(java.util.concurrent.CompletableFuture<UUID> future) {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void assertProblem(Response response, @Nullable String detail) {
		assertThat(response.status).isEqualTo(400);
		assertThat(response.contentType).isEqualTo("application/problem+json");
		assertThat(response.body.get("status").asInt()).isEqualTo(400);
		if (detail != null) {
			assertThat(response.body.get("detail").asString()).contains(detail);
		}
	}

	private String tenant(String name) throws Exception {
		return platform("POST", "/api/tenants", "{\"name\": \"" + name + "\"}").body.get("id").asString();
	}

	private Response platform(String method, String path, @Nullable String body) throws Exception {
		return request(method, path, this.tokens.token(null, "platform"), null, body);
	}

	/** As a user of {@code tenant} (its token's tenant_id claim), or a user with no tenant when it is null. */
	private Response send(String method, String path, @Nullable String tenant, @Nullable String body)
			throws Exception {
		return request(method, path, this.tokens.token(tenant, null), null, body);
	}

	private Response raw(String method, String path, @Nullable String token, @Nullable String tenantHeader)
			throws Exception {
		return request(method, path, token, tenantHeader, null);
	}

	private Response request(String method, String path, @Nullable String token, @Nullable String tenantHeader,
			@Nullable String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (tenantHeader != null) {
			request.header("X-Tenant-ID", tenantHeader);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		JsonNode json = (response.body().isEmpty() || !contentType.contains("json")) ? null
				: this.json.readTree(response.body());
		return new Response(response.statusCode(), json, contentType,
				response.headers().firstValue("Location").orElse(null), response.body());
	}

	private record Response(int status, JsonNode body, String contentType, @Nullable String location, String text) {
	}

}
