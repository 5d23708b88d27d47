package dev.dbkit.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The seed's multi-tenant feature-flag service. Started without {@code spring.datasource.url}, it runs on an
 * embedded PostgreSQL whose data is kept in {@code .dbkit/postgres}; its migrations are applied on start-up.
 */
@SpringBootApplication
@EnableAsync
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
