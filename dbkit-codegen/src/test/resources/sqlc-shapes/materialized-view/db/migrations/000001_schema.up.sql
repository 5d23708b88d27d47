CREATE TABLE authors (id bigserial PRIMARY KEY, name text NOT NULL, gender integer NOT NULL);
CREATE MATERIALIZED VIEW authors_names AS SELECT name FROM authors;
