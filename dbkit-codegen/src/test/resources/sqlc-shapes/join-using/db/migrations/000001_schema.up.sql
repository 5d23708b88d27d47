CREATE TABLE t1 (fk integer NOT NULL, a text NOT NULL);
CREATE TABLE t2 (fk integer NOT NULL, b text NOT NULL);
