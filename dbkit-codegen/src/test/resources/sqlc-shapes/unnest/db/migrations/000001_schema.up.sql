CREATE TABLE memories (id serial PRIMARY KEY, tag text NOT NULL);
