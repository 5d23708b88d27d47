CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE subscribers (address email PRIMARY KEY, quota positive NOT NULL, backup email);
