CREATE TABLE owners (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE pets (id integer PRIMARY KEY, owner_id integer NOT NULL REFERENCES owners (id), name text NOT NULL);
