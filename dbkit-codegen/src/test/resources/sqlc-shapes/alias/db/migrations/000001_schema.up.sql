CREATE TABLE bar (id serial PRIMARY KEY, name text NOT NULL);
