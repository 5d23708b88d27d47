CREATE TABLE left_side (id integer PRIMARY KEY, l text NOT NULL);
CREATE TABLE right_side (id integer PRIMARY KEY, r text NOT NULL);
