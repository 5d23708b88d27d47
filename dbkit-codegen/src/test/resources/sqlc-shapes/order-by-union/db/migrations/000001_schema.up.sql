CREATE TABLE cats (name text NOT NULL);
CREATE TABLE dogs (name text NOT NULL);
