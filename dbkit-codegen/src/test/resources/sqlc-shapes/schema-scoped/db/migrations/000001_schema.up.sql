CREATE SCHEMA foo;
CREATE TABLE foo.bar (id serial PRIMARY KEY, name text NOT NULL);
