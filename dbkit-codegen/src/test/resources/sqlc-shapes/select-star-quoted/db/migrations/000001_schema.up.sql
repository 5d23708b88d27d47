CREATE TABLE people (
    "ID"        integer PRIMARY KEY,
    "Full Name" text NOT NULL,
    "nick-name" text
);
