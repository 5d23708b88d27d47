CREATE TABLE bar (id serial NOT NULL);
