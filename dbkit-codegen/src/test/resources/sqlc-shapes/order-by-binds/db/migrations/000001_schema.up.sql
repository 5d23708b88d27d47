CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL, price numeric NOT NULL);
