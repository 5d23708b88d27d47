CREATE TABLE flags (id integer PRIMARY KEY, enabled boolean NOT NULL);
