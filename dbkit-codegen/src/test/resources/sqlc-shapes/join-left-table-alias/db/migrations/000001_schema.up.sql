CREATE TABLE employees (id integer PRIMARY KEY, manager_id integer REFERENCES employees (id), name text NOT NULL);
