CREATE TABLE users (id integer PRIMARY KEY, first_name text NOT NULL, last_name text, age integer NOT NULL);
