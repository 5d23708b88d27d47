CREATE TABLE routes (id integer PRIMARY KEY, path text NOT NULL);
