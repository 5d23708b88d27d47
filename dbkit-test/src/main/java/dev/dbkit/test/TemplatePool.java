package dev.dbkit.test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clones of one template made ahead of time, as IntegreSQL keeps them: a background thread keeps {@code size}
 * clones ready, so that a test class takes a fresh, fully migrated database without waiting for
 * {@code CREATE DATABASE} (whose cost grows with the schema's files: hundreds of milliseconds for 100 migrations on
 * a slow disk). When none is ready, the caller clones one itself.
 */
public final class TemplatePool {

	private static final Logger logger = LoggerFactory.getLogger(TemplatePool.class);

	private final TestPostgres server;

	private final String template;

	private final LinkedBlockingQueue<TestDatabase> ready = new LinkedBlockingQueue<>();

	private final ExecutorService filler = Executors.newSingleThreadExecutor((work) -> {
		Thread thread = new Thread(work, "dbkit-test-template-pool");
		thread.setDaemon(true);
		return thread;
	});

	TemplatePool(TestPostgres server, String template, int size) {
		this.server = server;
		this.template = template;
		for (int i = 0; i < size; i++) {
			refill();
		}
	}

	String template() {
		return this.template;
	}

	/** A fresh clone of the template: one made ahead of time if there is one, else made now. */
	public TestDatabase take(String hint) {
		TestDatabase database = this.ready.poll();
		if (database == null) {
			return this.server.cloneDatabase(hint, this.template);
		}
		refill();
		return database;
	}

	private void refill() {
		this.filler.execute(() -> {
			try {
				this.ready.add(this.server.cloneDatabase("pooled", this.template));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not clone {} ahead of time: {}", this.template, ex.getMessage());
			}
		});
	}

}
