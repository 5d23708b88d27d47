CREATE TABLE foo (val text NOT NULL, active boolean NOT NULL);
CREATE VIEW first_view AS SELECT val FROM foo;
CREATE VIEW second_view AS SELECT val, upper(val) AS shout FROM foo WHERE active;
