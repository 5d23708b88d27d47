CREATE SEQUENCE ids;
CREATE TABLE things (id bigint PRIMARY KEY DEFAULT nextval('ids'), name text NOT NULL);
