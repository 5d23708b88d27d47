CREATE TABLE pets (id integer PRIMARY KEY, name text NOT NULL);
