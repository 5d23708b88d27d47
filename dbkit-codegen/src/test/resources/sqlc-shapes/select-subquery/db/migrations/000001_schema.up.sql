CREATE TABLE invoices (id integer PRIMARY KEY, amount numeric(12, 2) NOT NULL);
