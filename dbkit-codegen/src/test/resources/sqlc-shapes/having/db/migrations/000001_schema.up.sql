CREATE TABLE purchases (id integer PRIMARY KEY, buyer text NOT NULL, total numeric NOT NULL);
