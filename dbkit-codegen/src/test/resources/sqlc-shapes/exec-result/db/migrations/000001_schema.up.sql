CREATE TABLE bar (id serial PRIMARY KEY);
