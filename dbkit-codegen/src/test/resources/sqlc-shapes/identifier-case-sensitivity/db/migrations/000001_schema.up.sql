CREATE TABLE "Authors" ("ID" integer PRIMARY KEY, "Name" text NOT NULL, bio text);
CREATE TABLE books (Id integer PRIMARY KEY, Title text NOT NULL);
