package dev.dbkit.query;

/** A generated Java enum for a PostgreSQL enum type: each constant knows its label in the database. */
public interface PostgresEnum {

	/** The label as the database spells it, such as {@code on_hold}. */
	String label();

}
