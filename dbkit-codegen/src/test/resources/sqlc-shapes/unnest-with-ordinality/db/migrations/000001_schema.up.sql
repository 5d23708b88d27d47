CREATE TABLE arrays (id integer PRIMARY KEY, items text[] NOT NULL);
