CREATE TABLE bar (id bigserial NOT NULL, name text NOT NULL);
