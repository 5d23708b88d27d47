CREATE TABLE bar (id serial PRIMARY KEY, touched boolean NOT NULL DEFAULT false);
