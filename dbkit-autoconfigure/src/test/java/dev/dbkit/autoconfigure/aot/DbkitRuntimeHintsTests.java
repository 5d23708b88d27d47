package dev.dbkit.autoconfigure.aot;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;

import dev.dbkit.autoconfigure.repository.TestRepositoryIndex;

import static org.assertj.core.api.Assertions.assertThat;

/** What a native image keeps of dbkit: migrations (at a custom location too) and the repository indexes. */
class DbkitRuntimeHintsTests {

	@Test
	void migrationsAtTheDefaultAndACustomLocation() {
		RuntimeHints hints = new RuntimeHints();
		DbkitRuntimeHints.register(hints, "classpath:db/migrations", getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/000001_create_tenants.up.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("other/000001_x.up.sql")).rejects(hints);

		RuntimeHints custom = new RuntimeHints();
		DbkitRuntimeHints.register(custom, "classpath:/schema/versions/", getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("schema/versions/000002_things.down.sql"))
			.accepts(custom);
	}

	@Test
	void theRepositoryIndexesServiceLoaderFinds() {
		RuntimeHints hints = new RuntimeHints();
		DbkitRuntimeHints.register(hints, "filesystem:/srv/migrations", getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("META-INF/services/dev.dbkit.repository.RepositoryIndex")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TestRepositoryIndex.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
	}

	@Test
	void springAotFindsTheProcessor() {
		assertThat(AotServices.factories(getClass().getClassLoader()).load(BeanFactoryInitializationAotProcessor.class))
			.anyMatch(DbkitRuntimeHints.class::isInstance);
	}

}
