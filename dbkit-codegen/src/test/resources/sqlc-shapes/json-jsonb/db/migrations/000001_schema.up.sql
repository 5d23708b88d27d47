CREATE TABLE docs (id integer PRIMARY KEY, a json, b json NOT NULL, c jsonb, d jsonb NOT NULL);
