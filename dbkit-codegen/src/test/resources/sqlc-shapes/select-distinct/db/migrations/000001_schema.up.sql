CREATE TABLE logins (id integer PRIMARY KEY, user_name text NOT NULL, at timestamptz NOT NULL);
