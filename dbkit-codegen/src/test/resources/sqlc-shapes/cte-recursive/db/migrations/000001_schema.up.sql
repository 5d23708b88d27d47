CREATE TABLE folders (id integer PRIMARY KEY, parent_id integer REFERENCES folders (id), name text NOT NULL);
