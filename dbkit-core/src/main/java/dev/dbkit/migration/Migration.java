package dev.dbkit.migration;

/**
 * A numbered migration: its up and down scripts.
 *
 * @param version the number, such as {@code 19} for {@code 000019_add_feature_table}
 * @param versionText the number as written in the file name ({@code 000019})
 * @param description the name after the number ({@code add_feature_table})
 * @param up the {@code .up.sql} script
 * @param down the {@code .down.sql} script
 */
public record Migration(long version, String versionText, String description, MigrationScript up,
		MigrationScript down) {

	/** The base name shared by both files, such as {@code 000019_add_feature_table}. */
	public String name() {
		return this.versionText + "_" + this.description;
	}

}
