CREATE TABLE foo (id integer PRIMARY KEY, name text NOT NULL, tag text);
