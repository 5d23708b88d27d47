CREATE TABLE bar (name text NOT NULL, ready boolean NOT NULL);
CREATE TABLE foo (name text NOT NULL, meta text NOT NULL);
