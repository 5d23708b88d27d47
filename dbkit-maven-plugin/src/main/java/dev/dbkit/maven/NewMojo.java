package dev.dbkit.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dbkit.migration.MigrationScaffold;
import dev.dbkit.migration.MigrationScaffold.NewMigration;

/**
 * Creates the next numbered migration pair, the up file pre-filled with a table that follows the tenant checklist.
 */
@Mojo(name = "new", threadSafe = true)
public class NewMojo extends AbstractDbkitMojo {

	/** The migration's name in lower_snake_case, such as add_feature_table. */
	@Parameter(property = "name", required = true)
	String name;

	@Override
	void run() {
		NewMigration created = MigrationScaffold.create(this.migrationsDir.toPath(), this.name);
		getLog().info("Created " + created.up());
		getLog().info("Created " + created.down());
		getLog().info("Edit the table '" + created.table() + "' in the up file; the down file drops it.");
	}

}
