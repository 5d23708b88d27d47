CREATE TABLE foo (bar bool NOT NULL, interval interval NOT NULL);
