package dev.dbkit.autoconfigure.repository;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.dbkit.autoconfigure.migration.DbkitMigrationsAutoConfiguration;
import dev.dbkit.query.JsonValues;
import dev.dbkit.query.QueryExecutor;
import dev.dbkit.tenant.TenantContext;
import dev.dbkit.tenant.UnknownTenantException;
import dev.dbkit.test.TestDatabase;
import dev.dbkit.test.TestPostgres;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import dev.dbkit.query.DefaultQueryObservationConvention;
import dev.dbkit.query.QueryObservationContext;
import dev.dbkit.query.QueryObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DbkitRepositoriesAutoConfigurationTests {

	private final TestDatabase db = TestPostgres.shared().createDatabase("Repositories");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
				FlywayAutoConfiguration.class, DbkitMigrationsAutoConfiguration.class,
				DbkitRepositoriesAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
				"spring.datasource.username=" + this.db.username());

	@Test
	void registersEachIndexedRepositoryAsASingletonBean() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(NotesRepository.class).hasSingleBean(QueryExecutor.class);
			assertThat(context).hasBean("notesRepository");
			assertThat(context.getBean(NotesRepository.class)).isSameAs(context.getBean(NotesRepository.class));
		});
	}

	@Test
	void jsonTypeOverridesUseTheApplicationsJsonMapper() {
		JsonMapper own = JsonMapper.builder().build();
		JsonMapper before = JsonValues.mapper();
		try {
			this.runner.withBean(JsonMapper.class, () -> own).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(JsonValues.mapper()).isSameAs(own);
			});
		}
		finally {
			JsonValues.use(before);
		}
	}

	@Test
	void repositoriesUseBootsDataSourceAndTransactions() {
		this.runner.run((context) -> {
			NotesRepository notes = context.getBean(NotesRepository.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			UUID tenant = jdbc.queryForObject("INSERT INTO tenants (name) VALUES ('acme') RETURNING id", UUID.class);
			TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
			TenantContext.runAs(tenant, () -> {
				transactions.executeWithoutResult((status) -> {
					notes.addNote("rolled back");
					assertThat(notes.listNotes()).containsExactly("rolled back");
					status.setRollbackOnly();
				});
				notes.addNote("kept");
				assertThat(notes.listNotes()).containsExactly("kept");
			});
		});
	}

	@Test
	void withAnObservationRegistryEveryCallIsObservedByTheApplicationsConvention() {
		java.util.List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<QueryObservationContext>() {

			@Override
			public void onStop(QueryObservationContext context) {
				observed.add(context.getName() + " " + context.getLowCardinalityKeyValues().stream()
					.filter((tag) -> tag.getKey().equals("dbkit.query.name") || tag.getKey().equals("team"))
					.map((tag) -> tag.getKey() + "=" + tag.getValue())
					.toList());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof QueryObservationContext;
			}

		});
		QueryObservationConvention convention = new DefaultQueryObservationConvention() {

			@Override
			public io.micrometer.common.KeyValues getLowCardinalityKeyValues(QueryObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "notes");
			}

		};
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(QueryObservationConvention.class, () -> convention)
			.run((context) -> {
				UUID tenant = new JdbcTemplate(context.getBean(DataSource.class))
					.queryForObject("INSERT INTO tenants (name) VALUES ('acme') RETURNING id", UUID.class);
				TenantContext.runAs(tenant, () -> context.getBean(NotesRepository.class).listNotes());
				assertThat(observed).containsExactly("dbkit.query [dbkit.query.name=ListNotes, team=notes]");
			});
	}

	@Test
	void aTenantScopedWriteForATenantThatDoesNotExistSaysSo() {
		this.runner.run((context) -> {
			NotesRepository notes = context.getBean(NotesRepository.class);
			UUID nobody = UUID.randomUUID();
			assertThatExceptionOfType(UnknownTenantException.class)
				.isThrownBy(() -> TenantContext.runAs(nobody, () -> notes.addNote("lost")))
				.withMessage("Tenant " + nobody + " does not exist. Use the id of an existing tenant.");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheRepository() {
		this.runner.withUserConfiguration(OwnNotes.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(NotesRepository.class);
			assertThat(context.getBean(NotesRepository.class)).isSameAs(context.getBean(OwnNotes.class).notes);
			assertThat(context).doesNotHaveBean("notesRepository");
		});
	}

	@Test
	void backsOffWithoutJdbc() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DbkitRepositoriesAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NotesRepository.class)
				.doesNotHaveBean(QueryExecutor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnNotes {

		final NotesRepository notes = new NotesRepository(new QueryExecutor(new JdbcTemplate()));

		@Bean
		NotesRepository myNotes() {
			return this.notes;
		}

	}

}
