package dev.dbkit.embedded;

import java.nio.file.Path;

/** Starts a persistent server and waits, in a JVM of its own, so that a test can kill the JVM. */
public final class StartPersistentMain {

	private StartPersistentMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(Path.of(args[0]), 0);
		server.createDatabaseIfMissing("app");
		System.out.println("STARTED " + server.port());
		Thread.sleep(120_000);
	}

}
