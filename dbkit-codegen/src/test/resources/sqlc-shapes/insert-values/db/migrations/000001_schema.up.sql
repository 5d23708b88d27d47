CREATE TABLE foo (id serial PRIMARY KEY, a text NOT NULL DEFAULT 'x', b integer);
