CREATE SCHEMA bar;
CREATE SCHEMA baz;
CREATE TABLE bar.items (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE baz.items (id integer PRIMARY KEY, price numeric NOT NULL);
