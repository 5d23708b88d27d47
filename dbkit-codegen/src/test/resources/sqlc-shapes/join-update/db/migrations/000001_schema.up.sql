CREATE TABLE stock (product_id integer PRIMARY KEY, on_hand integer NOT NULL);
CREATE TABLE deliveries (id integer PRIMARY KEY, product_id integer NOT NULL, amount integer NOT NULL);
