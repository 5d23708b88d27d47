CREATE TABLE departments (id integer PRIMARY KEY, title text NOT NULL);
CREATE TABLE staff (id integer PRIMARY KEY, department_id integer REFERENCES departments (id), name text NOT NULL);
