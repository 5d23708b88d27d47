CREATE TABLE sessions (id integer PRIMARY KEY, user_name text NOT NULL);
CREATE TABLE banned (user_name text PRIMARY KEY);
