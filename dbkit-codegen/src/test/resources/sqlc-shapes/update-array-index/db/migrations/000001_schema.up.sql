CREATE TABLE memories (id integer PRIMARY KEY, tags text[] NOT NULL);
