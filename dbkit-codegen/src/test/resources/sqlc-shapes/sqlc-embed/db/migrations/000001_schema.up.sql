CREATE SCHEMA baz;
CREATE TABLE users (id integer PRIMARY KEY, name varchar(255) NOT NULL, age integer);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL, likes integer[] NOT NULL);
CREATE TABLE baz.users (id integer PRIMARY KEY, name varchar(255) NOT NULL);
