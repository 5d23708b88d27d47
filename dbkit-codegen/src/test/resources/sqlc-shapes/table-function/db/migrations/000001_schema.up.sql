CREATE TABLE transactions (id integer PRIMARY KEY, program_id text NOT NULL, data jsonb NOT NULL);
