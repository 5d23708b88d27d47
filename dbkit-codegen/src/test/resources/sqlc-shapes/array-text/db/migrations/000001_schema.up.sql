CREATE TABLE bar (id integer PRIMARY KEY, tags text[] NOT NULL, notes text[]);
