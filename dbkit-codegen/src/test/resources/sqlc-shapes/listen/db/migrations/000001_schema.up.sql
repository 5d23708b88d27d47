CREATE TABLE channels (name text PRIMARY KEY);
