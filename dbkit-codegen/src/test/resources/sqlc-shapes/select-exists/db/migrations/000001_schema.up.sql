CREATE TABLE emails (address text PRIMARY KEY);
