CREATE TABLE foo (name text NOT NULL, slug text NOT NULL);
