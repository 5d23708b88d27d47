package dev.dbkit.sample;

import org.postgresql.ds.PGSimpleDataSource;

import dev.dbkit.migration.Migrator;

/**
 * Applies the migrations of a directory to a database, in a JVM of its own, so that a test can kill it with
 * SIGKILL in the middle of a migration. Arguments: the JDBC URL, the user, the directory.
 */
public final class MigrateMain {

	private MigrateMain() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		Migrator.create(dataSource, "filesystem:" + args[2]).up();
		System.out.println("migrated");
	}

}
