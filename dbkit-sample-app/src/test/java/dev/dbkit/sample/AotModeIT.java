package dev.dbkit.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample app, processed by Spring AOT at build time ({@code spring-boot:process-aot}), started with
 * {@code -Dspring.aot.enabled=true} on the JVM: the generated repositories (registered as factory-method beans that
 * AOT writes out as code), migrations, tenancy and the {@code dbkit} endpoint work in that mode, over HTTP. Runs in
 * {@code mvn verify} (failsafe, after {@code package}).
 */
class AotModeIT {

	static Process app;

	static String base;

	static final HttpClient http = HttpClient.newHttpClient();

	static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void start() throws Exception {
		Path jar = Path.of("target/dbkit-sample-app.jar");
		assertThat(jar).exists();
		assertThat(Path.of("target/classes/dev/dbkit/sample/SampleApplication__ApplicationContextInitializer.class"))
			.as("process-aot ran").exists();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("dbkit-aot");
		Path log = Files.createTempFile("dbkit-aot", ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=" + port,
				"--dbkit.embedded-postgres.data-directory=" + data, "--dbkit.embedded-postgres.persistent=false"));
		app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		base = "http://localhost:" + port;
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			assertThat(app.isAlive()).as("the app is running (log: %s)\n%s", log, tail(log)).isTrue();
			try {
				if (get("/actuator/health", null).statusCode() == 200) {
					break;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			assertThat(System.nanoTime()).as("started within 90 s (log: %s)", log).isLessThan(deadline);
			Thread.sleep(250);
		}
		assertThat(Files.readString(log)).contains("AOT");
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.destroy();
			app.waitFor();
		}
	}

	@Test
	void tenantsFlagsAndIsolationOverHttp() throws Exception {
		String platform = post("/dev/tokens?scope=platform", null, null).body();
		String acme = json.readTree(post("/api/tenants", platform, "{\"name\": \"Acme\"}").body()).get("id").asString();
		String globex = json.readTree(post("/api/tenants", platform, "{\"name\": \"Globex\"}").body()).get("id")
			.asString();
		String acmeToken = post("/dev/tokens?tenant=" + acme, null, null).body();
		String globexToken = post("/dev/tokens?tenant=" + globex, null, null).body();

		HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/api/feature-flags/dark_mode"))
			.header("Authorization", "Bearer " + acmeToken)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true, \"metadata\": {\"rollout\": 50}}")));
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(json.readTree(put.body()).get("metadata").get("rollout").asInt()).isEqualTo(50);

		JsonNode acmeFlags = json.readTree(get("/api/feature-flags", acmeToken).body());
		assertThat(acmeFlags).hasSize(1);
		assertThat(json.readTree(get("/api/feature-flags", globexToken).body())).isEmpty();
		assertThat(get("/api/feature-flags", null).statusCode()).isEqualTo(401);
	}

	@Test
	void theDbkitEndpointListsTheGeneratedQueries() throws Exception {
		String platform = post("/dev/tokens?scope=platform", null, null).body();
		HttpResponse<String> dbkit = get("/actuator/dbkit", platform);
		assertThat(dbkit.statusCode()).isEqualTo(200);
		assertThat(dbkit.body()).contains("dev.dbkit.sample.db.FeatureFlagsRepository").contains("GetFeatureFlag")
			.contains("\"status\":\"applied\"");
	}

	@Test
	void theNativeImageHintsKeepTheMigrationsAndTheRepositoryIndex() throws Exception {
		JsonNode metadata = json.readTree(Files.readString(Path.of(
				"target/spring-aot/main/resources/META-INF/native-image/dev.dbkit/dbkit-sample-app/reachability-metadata.json")));
		List<String> globs = new ArrayList<>();
		metadata.get("resources").forEach((resource) -> globs.add(resource.path("glob").asString()));
		assertThat(globs).contains("db/migrations/*.sql", "META-INF/services/dev.dbkit.repository.RepositoryIndex");
		List<String> types = new ArrayList<>();
		metadata.get("reflection").forEach((type) -> types.add(type.path("type").asString()));
		assertThat(types).contains("dev.dbkit.sample.db.DbkitRepositoryIndex");
	}

	private static HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private static HttpResponse<String> post(String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 201);
		return response;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

}
